import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordDashboardVersion } from "@/lib/versions/record-version";
import { freeSlotAtBottom, NEW_TILE_SIZE } from "./layout/grid";

/** Appends a chart to a dashboard in the first free half-width slot at the bottom of the grid. */
export async function addChartTile(userId: string, dashboardId: string, chartId: string) {
  const db = getDb();
  const chart = await db.chart.findUnique({ where: { id: chartId }, select: { id: true } });
  if (!chart) throw notFound("Chart");
  return db.$transaction(async (tx) => {
    // Taking the row lock first serializes concurrent additions, so two new tiles never share a slot.
    const locked = await tx.dashboard.updateMany({ where: { id: dashboardId }, data: { version: { increment: 1 }, updatedById: userId } });
    if (locked.count === 0) throw notFound("Dashboard");
    const tiles = await tx.dashboardTile.findMany({ where: { dashboardId }, select: { x: true, y: true, w: true, h: true } });
    const size = NEW_TILE_SIZE.chart;
    const slot = freeSlotAtBottom(tiles, size);
    const tile = await tx.dashboardTile.create({
      data: { dashboardId, chartId, kind: "chart", ...slot, ...size, position: tiles.length },
      select: { id: true },
    });
    await recordDashboardVersion(tx, dashboardId, userId);
    return tile;
  });
}
