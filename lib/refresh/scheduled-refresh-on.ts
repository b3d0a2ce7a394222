// Whether a scheduled refresh job should still run, by the app DB (the source of truth for schedules).
// A job scheduler in Redis can outlive its schedule: one switched off while Redis was down stays there
// until a worker's next re-sync, and a job already queued is not taken back. Its run would refresh
// charts someone turned off, so the job asks the DB first.
import { getDb } from "@/lib/db";
import { chartRefreshSchedule, dashboardRefreshSchedule } from "@/lib/schedules/refresh-schedule";

/** True while the dashboard has a refresh schedule that runs; null when the dashboard is gone. */
export async function dashboardRefreshesOn(dashboardId: string): Promise<boolean | null> {
  const d = await getDb().dashboard.findUnique({
    where: { id: dashboardId },
    select: { refreshIntervalMinutes: true, refreshCron: true, refreshTimezone: true },
  });
  return d && dashboardRefreshSchedule(d).kind !== "off";
}

/**
 * True while the chart has a schedule of its own that runs (one that is off, or following its
 * dashboards, has no job scheduler of its own); null when the chart is gone.
 */
export async function chartOwnRefreshesOn(chartId: string): Promise<boolean | null> {
  const c = await getDb().chart.findUnique({
    where: { id: chartId },
    select: { refreshIntervalMinutes: true, refreshCron: true, refreshTimezone: true },
  });
  if (!c) return null;
  const own = chartRefreshSchedule(c);
  return own !== null && own.kind !== "off";
}
