import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { cronProblem, nextRuns } from "@/lib/schedules/cron";
import { cronSchema, timeZoneSchema } from "@/lib/schedules/schemas";

const querySchema = z.object({ cron: cronSchema, timezone: timeZoneSchema });

/** The next runs of a digest schedule, with BullMQ's own parser (the form's preview): { runs, problem }. */
export async function GET(req: Request) {
  try {
    await requireUser();
    const { cron, timezone } = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const problem = cronProblem(cron, timezone);
    const runs = problem ? [] : nextRuns(cron, timezone, 3).map((t) => new Date(t).toISOString());
    return Response.json({ runs, problem });
  } catch (e) {
    return errorResponse(e);
  }
}
