import { z } from "zod";
import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { addChartTile } from "@/lib/dashboards/add-chart-tile";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { addTileSchema } from "@/lib/dashboards/schemas";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";
import { ensureChartResult } from "@/lib/refresh/refresh-dashboard";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** Puts a chart on the dashboard: { chartId } → 201 { id }. Editors only. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    await getDashboardOrThrow(id, user);
    assertAllowed(canEditContent(user), "edit dashboards");
    const { chartId } = addTileSchema.parse(await readJsonBody(req));
    const tile = await addChartTile(user.id, id, chartId);
    // A new tile shows data at once: the chart's query runs now if it has never been cached.
    await ensureChartResult(chartId);
    return Response.json({ id: tile.id }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
