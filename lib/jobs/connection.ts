// Redis connections: for BullMQ (two kinds, as BullMQ recommends) and for pub/sub:
// - producer (web app, schedule sync): fails fast, so an API call answers 503 instead of hanging on Redis;
// - worker: retries forever (`maxRetriesPerRequest: null`), so a worker rides out a Redis restart.
import { Redis } from "ioredis";
import { getRuntimeEnv } from "@/lib/env";

/** Reconnect quickly at first, then every 5 s, forever: a producer must recover when Redis comes back. */
function retryStrategy(times: number): number {
  return Math.min(200 * times, 5_000);
}

export function createProducerConnection(): Redis {
  return new Redis(getRuntimeEnv().REDIS_URL, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 3_000,
    retryStrategy,
    connectionName: "spyglass-producer",
  });
}

export function createWorkerConnection(): Redis {
  return new Redis(getRuntimeEnv().REDIS_URL, {
    maxRetriesPerRequest: null,
    retryStrategy,
    connectionName: "spyglass-worker",
  });
}

/**
 * For pub/sub (a subscribed connection can run nothing else). Like the producer it fails fast while Redis
 * is down, and resubscribes by itself when Redis is back.
 */
export function createSubscriberConnection(): Redis {
  return new Redis(getRuntimeEnv().REDIS_URL, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 3_000,
    retryStrategy,
    connectionName: "spyglass-subscriber",
  });
}

/** Resolves true once the connection is ready, false when it is not within `timeoutMs`. */
export function waitForReady(connection: Redis, timeoutMs: number): Promise<boolean> {
  if (connection.status === "ready") return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      connection.off("ready", onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    connection.on("ready", onReady);
  });
}
