// Worker liveness: each worker process refreshes a short-lived key in Redis; /api/health reads them to
// tell "no worker is running" (schedules silently stopped) from "workers are up".
import os from "node:os";
import type { Redis } from "ioredis";
import { withProducerRedis } from "./queues";

const PREFIX = "spyglass:worker:";
export const HEARTBEAT_INTERVAL_MS = 10_000;
export const HEARTBEAT_TTL_SECONDS = 30;

export interface WorkerHeartbeat {
  host: string;
  pid: number;
  startedAt: string;
  /** When the worker last wrote its heartbeat. */
  seenAt: string;
  queues: string[];
  concurrency: number;
}

export function heartbeatKey(host = os.hostname(), pid = process.pid): string {
  return `${PREFIX}${host}:${pid}`;
}

/** Writes the heartbeat now and every 10 s until stopped; stop() also deletes the key. */
export function startHeartbeat(
  redis: Redis,
  info: { queues: string[]; concurrency: number },
  onError: (e: unknown) => void = () => {},
): { stop(): Promise<void> } {
  const key = heartbeatKey();
  const startedAt = new Date().toISOString();
  const beat = async () => {
    const value: WorkerHeartbeat = {
      host: os.hostname(),
      pid: process.pid,
      startedAt,
      seenAt: new Date().toISOString(),
      queues: info.queues,
      concurrency: info.concurrency,
    };
    try {
      await redis.set(key, JSON.stringify(value), "EX", HEARTBEAT_TTL_SECONDS);
    } catch (e) {
      onError(e);
    }
  };
  void beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await redis.del(key).catch(onError);
    },
  };
}

/** The workers alive in the last 30 s. Throws AppError("UNAVAILABLE") when Redis is unreachable. */
export async function getWorkerHeartbeats(): Promise<WorkerHeartbeat[]> {
  return withProducerRedis(async (redis) => {
    const keys: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await redis.scan(cursor, "MATCH", `${PREFIX}*`, "COUNT", 200);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== "0");
    if (keys.length === 0) return [];
    const values = await redis.mget(...keys);
    const beats: WorkerHeartbeat[] = [];
    for (const v of values) {
      if (!v) continue; // expired between SCAN and MGET
      try {
        beats.push(JSON.parse(v) as WorkerHeartbeat);
      } catch {
        // not ours; ignore
      }
    }
    return beats.sort((a, b) => a.host.localeCompare(b.host) || a.pid - b.pid);
  });
}
