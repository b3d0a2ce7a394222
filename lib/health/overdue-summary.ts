// The overdue count behind the banner admins see on every page. Cached briefly in the process, so the
// banner costs one overview read per 30 s, not one per page view (and a Redis outage is not waited on
// for every page).
import { redisRecentlyFailed } from "@/lib/jobs/best-effort-redis";
import { QUEUE_UNAVAILABLE_MESSAGE } from "@/lib/jobs/queues";
import { getScheduleOverview } from "./schedule-overview";

const CACHE_MS = 30_000;

export interface OverdueSummary {
  overdueCount: number;
  /** Titles of up to three overdue schedules, for the banner's text. */
  examples: string[];
  redisError: string | null;
  /** True when Redis answers and no worker's heartbeat is live: no schedule runs at all. */
  noWorker: boolean;
}

const g = globalThis as unknown as { spyglassOverdue?: { at: number; value: Promise<OverdueSummary> } };

export function getOverdueSummary(): Promise<OverdueSummary> {
  // During a known Redis outage overdue cannot be told; do not make every admin page wait on Redis for it.
  if (redisRecentlyFailed()) return Promise.resolve({ overdueCount: 0, examples: [], redisError: QUEUE_UNAVAILABLE_MESSAGE, noWorker: false });
  const cached = g.spyglassOverdue;
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
  const value = getScheduleOverview().then((o) => ({
    overdueCount: o.overdueCount,
    examples: o.rows.filter((r) => r.overdue).slice(0, 3).map((r) => `${r.kind} "${r.title}"`),
    redisError: o.redisError,
    noWorker: o.workers !== null && o.workers.length === 0,
  }));
  g.spyglassOverdue = { at: Date.now(), value };
  value.catch(() => {
    g.spyglassOverdue = undefined; // a failed read is retried on the next page
  });
  return value;
}
