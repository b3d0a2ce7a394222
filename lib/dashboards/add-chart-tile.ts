import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";

const GRID_COLUMNS = 12;
const TILE_W = 6;
const TILE_H = 4;

/** Appends a chart to a dashboard in the first free half-width slot at the bottom of the grid. */
export async function addChartTile(dashboardId: string, chartId: string) {
  const db = getDb();
  const [dashboard, chart] = await Promise.all([
    db.dashboard.findUnique({ where: { id: dashboardId }, select: { id: true, tiles: { select: { x: true, y: true, w: true, h: true } } } }),
    db.chart.findUnique({ where: { id: chartId }, select: { id: true } }),
  ]);
  if (!dashboard) throw notFound("Dashboard");
  if (!chart) throw notFound("Chart");
  const bottom = Math.max(0, ...dashboard.tiles.map((t) => t.y + t.h));
  const lastRow = dashboard.tiles.filter((t) => t.y + t.h === bottom && bottom > 0);
  const usedRight = Math.max(0, ...lastRow.map((t) => t.x + t.w));
  const fitsOnLastRow = lastRow.length > 0 && usedRight + TILE_W <= GRID_COLUMNS;
  const y = fitsOnLastRow ? Math.min(...lastRow.map((t) => t.y)) : bottom;
  const x = fitsOnLastRow ? usedRight : 0;
  const [tile] = await db.$transaction([
    db.dashboardTile.create({
      data: { dashboardId, chartId, kind: "chart", x, y, w: TILE_W, h: TILE_H, position: dashboard.tiles.length },
      select: { id: true },
    }),
    db.dashboard.update({ where: { id: dashboardId }, data: { version: { increment: 1 } } }),
  ]);
  return tile;
}
