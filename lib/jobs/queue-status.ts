// Whether refreshes can be queued right now, for pages that keep working without Redis (dashboards are
// served from the cache) and say that refreshes are paused. Bounded to about a second, and an outage is
// remembered for a few seconds (lib/jobs/best-effort-redis), so a page never waits long on a dead Redis.
import { markRedisDown, tryRedis } from "./best-effort-redis";
import { QUEUE_UNAVAILABLE_MESSAGE } from "./queues";

const PROBE_TIMEOUT_MS = 1_000;

export interface QueueStatus {
  refreshesPaused: boolean;
  /** Why, in words the dashboard page shows; null when refreshes can be queued. */
  reason: string | null;
}

export async function getQueueStatus(): Promise<QueueStatus> {
  let timer: NodeJS.Timeout | undefined;
  const answered = await Promise.race([
    tryRedis((redis) => redis.ping()),
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), PROBE_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  // No answer in time counts as an outage, so the next page loads skip Redis for a while instead of waiting.
  if (answered === undefined) markRedisDown(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`));
  return answered === "PONG" ? { refreshesPaused: false, reason: null } : { refreshesPaused: true, reason: QUEUE_UNAVAILABLE_MESSAGE };
}
