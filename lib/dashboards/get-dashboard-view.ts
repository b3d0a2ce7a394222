// Everything a dashboard page needs in one read: its tiles, their charts and each chart's cached result.
// Dashboards read the cache only; they never wait on the warehouse.
import { chartPeopleInclude, toChartPerson } from "@/lib/charts/chart-record";
import type { VizConfig, VizType } from "@/lib/charts/types";
import { getDb } from "@/lib/db";
import type { ResultColumn } from "@/lib/warehouse/types";

export interface TileResult {
  columns: ResultColumn[];
  rows: unknown[][];
  rowCount: number;
  truncated: boolean;
  durationMs: number;
  computedAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
}

export interface TileChart {
  id: string;
  title: string;
  description: string;
  vizType: VizType;
  vizConfig: VizConfig;
  /** Display names; null when the user was deleted. */
  ownerName: string | null;
  updatedByName: string | null;
  /** When the chart was last saved (ISO). */
  updatedAt: string;
}

export interface DashboardTileView {
  id: string;
  kind: "chart" | "text";
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  chart: TileChart | null;
  result: TileResult | null;
}

export interface DashboardView {
  id: string;
  title: string;
  description: string;
  refreshIntervalMinutes: number;
  version: number;
  /** When this view was read (ms since the epoch): the "now" of relative times on first paint. */
  loadedAt: number;
  tiles: DashboardTileView[];
}

export async function getDashboardView(dashboardId: string): Promise<DashboardView | null> {
  const dashboard = await getDb().dashboard.findUnique({
    where: { id: dashboardId },
    include: {
      tiles: {
        orderBy: [{ y: "asc" }, { x: "asc" }, { position: "asc" }],
        include: { chart: { include: { ...chartPeopleInclude, results: { where: { paramsKey: "" } } } } },
      },
    },
  });
  if (!dashboard) return null;
  return {
    id: dashboard.id,
    title: dashboard.title,
    description: dashboard.description,
    refreshIntervalMinutes: dashboard.refreshIntervalMinutes,
    version: dashboard.version,
    loadedAt: Date.now(),
    tiles: dashboard.tiles.map((t) => {
      const r = t.chart?.results[0];
      return {
        id: t.id,
        kind: t.kind === "text" ? "text" : "chart",
        text: t.text,
        x: t.x,
        y: t.y,
        w: t.w,
        h: t.h,
        chart: t.chart
          ? {
              id: t.chart.id,
              title: t.chart.title,
              description: t.chart.description,
              vizType: t.chart.vizType as VizType,
              vizConfig: (t.chart.vizConfig ?? {}) as VizConfig,
              ownerName: toChartPerson(t.chart.owner)?.name ?? null,
              updatedByName: toChartPerson(t.chart.updatedBy)?.name ?? null,
              updatedAt: t.chart.updatedAt.toISOString(),
            }
          : null,
        result: r
          ? {
              columns: r.columns as unknown as ResultColumn[],
              rows: r.rows as unknown as unknown[][],
              rowCount: r.rowCount,
              truncated: r.truncated,
              durationMs: r.durationMs,
              computedAt: r.computedAt?.toISOString() ?? null,
              lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
              lastError: r.lastError,
            }
          : null,
      };
    }),
  };
}
