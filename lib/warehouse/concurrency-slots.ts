// A data source's "maximum concurrent queries" across every process of an install (web processes and
// workers on several machines): a counting semaphore in Redis. Each running query holds a slot, a lease that
// its process renews while the query runs, so the slots of a process that died free themselves.
// Within one process the pool size is the same limit, so with Redis down the limit holds per process.
import { randomUUID } from "node:crypto";
import { tryRedis } from "@/lib/jobs/best-effort-redis";
import { AppError } from "@/lib/errors";

const KEY_PREFIX = "spyglass:ds-slots:";
/** A slot not renewed for this long (its process died) is free again. */
const LEASE_MS = 30_000;
const RENEW_MS = 10_000;
/** How often a query waiting for a slot asks again, at first and at most. */
const POLL_MIN_MS = 50;
const POLL_MAX_MS = 500;

// Drops lapsed leases, then takes a slot if fewer than the limit are held: atomically, in Redis.
// KEYS[1] slots (sorted set: token -> lease end); ARGV: token, limit, now, lease end.
const ACQUIRE = `
redis.call("zremrangebyscore", KEYS[1], "-inf", ARGV[3])
if redis.call("zcard", KEYS[1]) < tonumber(ARGV[2]) then
  redis.call("zadd", KEYS[1], ARGV[4], ARGV[1])
  redis.call("pexpire", KEYS[1], ${LEASE_MS * 2})
  return 1
end
return 0`;

// Renews a held lease; 0 when it lapsed (then the slot may have gone to someone else).
const RENEW = `
if redis.call("zscore", KEYS[1], ARGV[1]) then
  redis.call("zadd", KEYS[1], ARGV[2], ARGV[1])
  redis.call("pexpire", KEYS[1], ${LEASE_MS * 2})
  return 1
end
return 0`;

export interface Slot {
  release(): Promise<void>;
}

const noSlot: Slot = { release: async () => undefined };

/**
 * Waits for one of the data source's `limit` slots. Resolves with the slot to release when the query ends;
 * rejects with "The query was cancelled." when `signal` aborts while waiting. Without Redis it resolves at
 * once (the pool then limits this process alone).
 */
export async function acquireSlot(dataSourceId: string, limit: number, signal?: AbortSignal): Promise<Slot> {
  const key = KEY_PREFIX + dataSourceId;
  const token = randomUUID();
  for (let wait = POLL_MIN_MS; ; wait = Math.min(wait * 2, POLL_MAX_MS)) {
    if (signal?.aborted) throw new AppError("QUERY_FAILED", "The query was cancelled.");
    const now = Date.now();
    const got = await tryRedis((r) => r.eval(ACQUIRE, 1, key, token, String(limit), String(now), String(now + LEASE_MS)));
    if (got === undefined) return noSlot;
    if (got === 1) return holdSlot(key, token);
    await sleep(wait + Math.random() * POLL_MIN_MS, signal);
  }
}

function holdSlot(key: string, token: string): Slot {
  const renew = setInterval(() => {
    void tryRedis((r) => r.eval(RENEW, 1, key, token, String(Date.now() + LEASE_MS)));
  }, RENEW_MS);
  renew.unref();
  return {
    release: async () => {
      clearInterval(renew);
      await tryRedis((r) => r.zrem(key, token));
    },
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
