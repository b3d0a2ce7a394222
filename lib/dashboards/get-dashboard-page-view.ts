// The dashboard page's data: the cached view (never waits on the warehouse or Redis) plus whether
// refreshes can be queued. With Redis down the page still shows every cached result and says that
// refreshes are paused, instead of failing.
import { getQueueStatus } from "@/lib/jobs/queue-status";
import { getDashboardView, type DashboardView, type DashboardViewOptions } from "./get-dashboard-view";

export async function getDashboardPageView(dashboardId: string, options: DashboardViewOptions = {}): Promise<DashboardView | null> {
  const [view, status] = await Promise.all([getDashboardView(dashboardId, options), getQueueStatus()]);
  if (!view) return null;
  return { ...view, refreshesPaused: status.refreshesPaused, refreshesPausedReason: status.reason };
}
