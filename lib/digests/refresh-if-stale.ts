// "Refresh the data first when it is older than the dashboard's schedule": before a digest is rendered, the
// dashboard's charts are refreshed when their cached results are older than one period of the dashboard's
// refresh schedule (its interval, or the gap between two runs of its cron), or missing. A dashboard whose
// refreshes are off is rendered from what is cached, unless a chart has no result at all.
import { getDb } from "@/lib/db";
import { refreshDashboard, type RefreshRunSummary } from "@/lib/refresh/refresh-dashboard";
import { nextRuns } from "@/lib/schedules/cron";

export interface RefreshSchedule {
  refreshIntervalMinutes: number;
  refreshCron: string | null;
  refreshTimezone: string;
}

/** One period of the schedule in ms, or null when refreshes are off (or the cron cannot be read). */
export function refreshPeriodMs(schedule: RefreshSchedule, now: Date): number | null {
  if (schedule.refreshCron) {
    try {
      const [a, b] = nextRuns(schedule.refreshCron, schedule.refreshTimezone, 2, now.getTime());
      return a !== undefined && b !== undefined ? b - a : null;
    } catch {
      return null;
    }
  }
  return schedule.refreshIntervalMinutes > 0 ? schedule.refreshIntervalMinutes * 60_000 : null;
}

/** Whether results computed at these times (null: never) are too old for the schedule. Pure. */
export function dataIsStale(computedAt: (Date | null)[], schedule: RefreshSchedule, now: Date): boolean {
  if (computedAt.some((t) => t === null)) return true;
  const period = refreshPeriodMs(schedule, now);
  if (period === null) return false;
  return computedAt.some((t) => now.getTime() - t!.getTime() > period);
}

/** Refreshes the dashboard's charts when their data is stale; returns the run, or null when it was fresh. */
export async function refreshDashboardIfStale(dashboardId: string, now = new Date()): Promise<RefreshRunSummary | null> {
  const dashboard = await getDb().dashboard.findUnique({
    where: { id: dashboardId },
    select: {
      refreshIntervalMinutes: true,
      refreshCron: true,
      refreshTimezone: true,
      tiles: { where: { chartId: { not: null } }, select: { chart: { select: { results: { where: { paramsKey: "" }, select: { computedAt: true } } } } } },
    },
  });
  if (!dashboard) return null;
  const times = dashboard.tiles.flatMap((t) => (t.chart ? [t.chart.results[0]?.computedAt ?? null] : []));
  if (times.length === 0 || !dataIsStale(times, dashboard, now)) return null;
  return refreshDashboard(dashboardId, "schedule");
}
