// Redis connections for BullMQ. Two kinds, as BullMQ recommends:
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
