// The words a chart's page uses for its refresh schedule: "Own schedule: every 15 minutes", or what it
// follows, "Follows the dashboard: every hour".
import { describeRefreshSchedule, type RefreshSchedule } from "@/lib/schedules/refresh-schedule";

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The dashboards' schedule in words when they all share one ("Every hour"), else null. */
export function sharedDashboardSchedule(dashboards: { schedule: RefreshSchedule }[]): string | null {
  const described = new Set(dashboards.map((d) => describeRefreshSchedule(d.schedule)));
  return described.size === 1 ? [...described][0] : null;
}

/** What the chart's data follows when it has no schedule of its own. */
export function followsText(dashboards: { title: string; schedule: RefreshSchedule }[]): string {
  if (dashboards.length === 0) return "Follows its dashboards' schedules; it is on no dashboard yet, so nothing refreshes it.";
  const shared = sharedDashboardSchedule(dashboards);
  if (shared) return `${dashboards.length === 1 ? "Follows the dashboard" : "Follows its dashboards"}: ${lowerFirst(shared)}`;
  return `Follows each dashboard's schedule: ${dashboards.map((d) => `${d.title} (${lowerFirst(describeRefreshSchedule(d.schedule))})`).join(", ")}`;
}

export function chartScheduleText(own: RefreshSchedule | null, dashboards: { title: string; schedule: RefreshSchedule }[]): string {
  return own ? `Own schedule: ${lowerFirst(describeRefreshSchedule(own))}` : followsText(dashboards);
}
