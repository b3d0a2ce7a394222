// The tiles the grid draws: layout (kind, text, position) plus the chart and cached result of chart tiles.
import type { DashboardTileView } from "@/lib/dashboards/get-dashboard-view";
import type { LayoutItem, TileKind } from "@/lib/dashboards/layout/grid";

export interface GridTile extends Omit<DashboardTileView, "kind">, LayoutItem {
  kind: TileKind;
}

/** A tile as the results API sends it; its `kind` may not name headers yet. */
type ViewTile = Omit<DashboardTileView, "kind"> & { kind: string };

/**
 * The tile's kind. getDashboardView reports "chart" or "text" only, so a header comes through as a
 * "chart" without a chart: a real chart tile always has its chart (deleting a chart deletes its tiles).
 */
export function tileKind(tile: ViewTile): TileKind {
  if (tile.kind === "header" || tile.kind === "text") return tile.kind;
  return tile.chart ? "chart" : "header";
}

export function toGridTiles(tiles: readonly ViewTile[]): GridTile[] {
  return tiles.map((t) => ({ ...t, kind: tileKind(t) }));
}

/** How controls and announcements name a tile: "Weekly revenue", "header Acquisition", "text Numbers refresh…". */
export function tileName(tile: Pick<GridTile, "kind" | "text" | "chart">): string {
  if (tile.kind === "chart") return tile.chart?.title ?? "chart";
  const firstLine =
    tile.text
      .split("\n")
      .map((l) => l.replace(/[#*_`>[\]()-]/g, "").trim())
      .find((l) => l.length > 0) ?? "";
  const short = firstLine.length > 40 ? `${firstLine.slice(0, 39)}…` : firstLine;
  if (tile.kind === "header") return short ? `header ${short}` : "empty header";
  return short ? `text ${short}` : "empty text";
}

/** "14:05": the time of day on a TV across the room, 24-hour, local time. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}
