// Redis for work that can go on without it (query de-duplication, relayed cancels, the warehouse
// concurrency limit across processes): a failed call answers undefined instead of throwing, and after a
// failure Redis is skipped for a while, so an outage costs one slow call, not a slow call per query.
import type { Redis } from "ioredis";
import { withProducerRedis } from "./queues";

/** After Redis failed, callers go without it this long before trying again. */
const OUTAGE_BACKOFF_MS = 10_000;

const g = globalThis as unknown as { spyglassRedisOutage?: { downUntil: number; warned: boolean } };
const outage = (g.spyglassRedisOutage ??= { downUntil: 0, warned: false });

/** True while Redis is taken as down after a recent failure. */
export function redisRecentlyFailed(): boolean {
  return Date.now() < outage.downUntil;
}

/** Records a failure: logged once per outage, with what keeps working without Redis. */
export function markRedisDown(error: unknown): void {
  outage.downUntil = Date.now() + OUTAGE_BACKOFF_MS;
  if (outage.warned) return;
  outage.warned = true;
  const reason = error instanceof Error ? error.message : String(error);
  console.warn(
    `[redis] unreachable (${reason}): identical queries, cancels and warehouse concurrency limits work within each process until it is back.`,
  );
}

/** Runs `fn` on the producer connection; undefined when Redis is down or the call failed. */
export async function tryRedis<T>(fn: (redis: Redis) => Promise<T>): Promise<T | undefined> {
  if (redisRecentlyFailed()) return undefined;
  try {
    const value = await withProducerRedis(fn);
    outage.warned = false;
    return value;
  } catch (e) {
    markRedisDown(e);
    return undefined;
  }
}
