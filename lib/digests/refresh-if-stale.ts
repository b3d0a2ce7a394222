// "Refresh the data first when it is older than the dashboard's schedule": before a digest is rendered,
// every chart on the dashboard whose cached result is missing, or stale for the schedule that refreshes it
// (the chart's own, else the dashboard's: lib/schedules/data-freshness.ts), is refreshed. Charts that
// follow the dashboard are refreshed by one dashboard refresh (logged as a RefreshRun); charts with a
// schedule of their own are refreshed one by one, as their own scheduler would. With refreshes off, what
// is cached is rendered, unless a chart has no result at all.
import { getDb } from "@/lib/db";
import { CHART_CONCURRENCY, mapLimited, refreshChart, refreshDashboard, type ChartRefreshOutcome, type RefreshRunSummary } from "@/lib/refresh/refresh-dashboard";
import { isStaleForSchedule } from "@/lib/schedules/data-freshness";
import { effectiveRefreshSchedule, hasOwnRefreshSchedule } from "@/lib/schedules/refresh-schedule";

interface DashboardSchedule {
  refreshIntervalMinutes: number;
  refreshCron: string | null;
  refreshTimezone: string;
}

export interface ChartFreshness {
  chartId: string;
  refreshIntervalMinutes: number | null;
  refreshCron: string | null;
  refreshTimezone: string | null;
  /** When its default result was computed; null: never. */
  computedAt: Date | null;
}

/**
 * The charts whose data must be refreshed before rendering, split by who refreshes them. Pure. No grace
 * after a cron's fire time, unlike the tile's "late" mark: a digest sent at 07:05 while the 07:00 refresh
 * is still running must not go out with yesterday's numbers, so it refreshes (identical queries in flight
 * run once, so this costs nothing extra when the scheduled run is busy with the same charts).
 */
export function staleCharts(dashboard: DashboardSchedule, charts: ChartFreshness[], now: Date): { followsDashboard: string[]; ownSchedule: string[] } {
  const out = { followsDashboard: [] as string[], ownSchedule: [] as string[] };
  for (const c of charts) {
    if (!isStaleForSchedule(effectiveRefreshSchedule(dashboard, c), c.computedAt, now, 0)) continue;
    (hasOwnRefreshSchedule(c) ? out.ownSchedule : out.followsDashboard).push(c.chartId);
  }
  return out;
}

export interface StaleRefresh {
  /** The dashboard refresh, when charts following its schedule were stale. */
  dashboardRun: RefreshRunSummary | null;
  /** Charts with a schedule of their own that were refreshed. */
  charts: ChartRefreshOutcome[];
}

/** Refreshes the dashboard's stale charts; returns what ran, or null when everything was fresh. */
export async function refreshDashboardIfStale(dashboardId: string, now = new Date()): Promise<StaleRefresh | null> {
  const dashboard = await getDb().dashboard.findUnique({
    where: { id: dashboardId },
    select: {
      refreshIntervalMinutes: true,
      refreshCron: true,
      refreshTimezone: true,
      tiles: {
        where: { chartId: { not: null } },
        select: {
          chart: {
            select: {
              id: true,
              refreshIntervalMinutes: true,
              refreshCron: true,
              refreshTimezone: true,
              results: { where: { paramsKey: "" }, select: { computedAt: true } },
            },
          },
        },
      },
    },
  });
  if (!dashboard) return null;
  const charts = [
    ...new Map(
      dashboard.tiles.flatMap((t) => (t.chart ? [[t.chart.id, { ...t.chart, chartId: t.chart.id, computedAt: t.chart.results[0]?.computedAt ?? null }] as const] : [])),
    ).values(),
  ];
  const stale = staleCharts(dashboard, charts, now);
  if (stale.followsDashboard.length === 0 && stale.ownSchedule.length === 0) return null;
  const [dashboardRun, own] = await Promise.all([
    stale.followsDashboard.length > 0 ? refreshDashboard(dashboardId, "schedule") : null,
    mapLimited(stale.ownSchedule, CHART_CONCURRENCY, (id) => refreshChart(id)),
  ]);
  return { dashboardRun, charts: own };
}
