// "Refresh now": queues a manual refresh of a dashboard and says whether any worker is there to run it.
// Without one the job only waits in Redis, and the page would show "Refreshing…" for minutes before
// giving up; with workersAlive 0 it says at once that the refresh runs when a worker starts.
import { QUEUES } from "@/lib/jobs/definitions";
import { getWorkerHeartbeats } from "@/lib/jobs/heartbeat";
import { enqueueDashboardRefresh } from "@/lib/jobs/queues";

export interface RefreshRequest {
  jobId: string;
  /** Workers with a live heartbeat that take refresh jobs; null when that could not be read. */
  workersAlive: number | null;
}

export async function requestDashboardRefresh(dashboardId: string): Promise<RefreshRequest> {
  const { jobId } = await enqueueDashboardRefresh(dashboardId, "manual");
  let workersAlive: number | null = null;
  try {
    workersAlive = (await getWorkerHeartbeats()).filter((w) => w.queues.includes(QUEUES.refresh)).length;
  } catch {
    // The job is queued; whether a worker is alive is only a hint for the page, so an unreadable answer is "unknown".
  }
  return { jobId, workersAlive };
}
