// What a chart's page says about its refresh schedule: its own (when it has one) and the schedules of the
// dashboards it is on, limited to the dashboards the user may open (a private dashboard's title is not
// shown to others).
import type { SessionUser } from "@/lib/auth/session";
import { canViewDashboard } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { chartRefreshSchedule, dashboardRefreshSchedule, type RefreshSchedule } from "@/lib/schedules/refresh-schedule";

export interface ChartScheduleView {
  /** The chart's own schedule; null when it follows its dashboards'. */
  own: RefreshSchedule | null;
  dashboards: { id: string; title: string; schedule: RefreshSchedule }[];
}

export async function getChartScheduleView(chartId: string, user: SessionUser): Promise<ChartScheduleView | null> {
  const chart = await getDb().chart.findUnique({
    where: { id: chartId },
    select: {
      refreshIntervalMinutes: true,
      refreshCron: true,
      refreshTimezone: true,
      tiles: {
        select: {
          dashboard: { select: { id: true, title: true, isPrivate: true, ownerId: true, refreshIntervalMinutes: true, refreshCron: true, refreshTimezone: true } },
        },
      },
    },
  });
  if (!chart) return null;
  const seen = new Set<string>();
  const dashboards: ChartScheduleView["dashboards"] = [];
  for (const { dashboard } of chart.tiles) {
    if (seen.has(dashboard.id) || !canViewDashboard(user, dashboard)) continue;
    seen.add(dashboard.id);
    dashboards.push({ id: dashboard.id, title: dashboard.title, schedule: dashboardRefreshSchedule(dashboard) });
  }
  dashboards.sort((a, b) => a.title.localeCompare(b.title));
  return { own: chartRefreshSchedule(chart), dashboards };
}
