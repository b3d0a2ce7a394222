import { z } from "zod";
import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { updateChartSchedule } from "@/lib/charts/update-chart-schedule";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";
import { chartScheduleSchema } from "@/lib/schedules/refresh-schedule";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * Sets the chart's own refresh schedule: { mode: "dashboard" } (follow its dashboards), { mode: "interval",
 * minutes }, { mode: "cron", cron, timezone } or { mode: "off" } → { chartId, schedule, scheduled }. Editors only.
 */
export async function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    assertAllowed(canEditContent(user), "change refresh schedules");
    const input = chartScheduleSchema.parse(await readJsonBody(req));
    return Response.json(await updateChartSchedule(id, input));
  } catch (e) {
    return errorResponse(e);
  }
}
