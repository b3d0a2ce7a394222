import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { addChartTile } from "@/lib/dashboards/add-chart-tile";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { addTileSchema } from "@/lib/dashboards/schemas";
import { errorResponse } from "@/lib/errors";
import { ensureChartResult } from "@/lib/refresh/refresh-dashboard";

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await ctx.params;
    await getDashboardOrThrow(id, user);
    assertAllowed(canEditContent(user), "edit dashboards");
    const { chartId } = addTileSchema.parse(await req.json());
    const tile = await addChartTile(id, chartId);
    // A new tile shows data at once: the chart's query runs now if it has never been cached.
    await ensureChartResult(chartId);
    return Response.json({ id: tile.id }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
