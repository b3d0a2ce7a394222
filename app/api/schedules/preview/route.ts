import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { previewRefreshCron } from "@/lib/schedules/refresh-cron";
import { cronSchema, timeZoneSchema } from "@/lib/schedules/schemas";

const querySchema = z.object({ cron: cronSchema, timezone: timeZoneSchema });

/**
 * The next three run times of a refresh cron in a time zone, so the analyst can check the expression
 * before saving it: ?cron=0 8 * * 1-5&timezone=Europe/Paris → { runs: [iso, iso, iso] } or { error }.
 */
export async function GET(req: Request) {
  try {
    await requireUser();
    const url = new URL(req.url);
    const { cron, timezone } = querySchema.parse({ cron: url.searchParams.get("cron") ?? "", timezone: url.searchParams.get("timezone") ?? "" });
    return Response.json(previewRefreshCron(cron, timezone));
  } catch (e) {
    return errorResponse(e);
  }
}
