// /api/health's report against real PostgreSQL and Redis: not ok while no worker beats, ok with a live
// heartbeat, and Redis down reported as such.
import os from "node:os";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { startHeartbeat } from "@/lib/jobs/heartbeat";
import { closeQueues } from "@/lib/jobs/queues";
import { freePort } from "@/lib/testing/free-port";
import { setTestEnv } from "@/lib/testing/fixtures";
import { checkHealth } from "./check-health";

let redis: Redis;

beforeAll(async () => {
  redis = new Redis(getRuntimeEnv().REDIS_URL);
  // Heartbeats other tests left behind (they expire within 30 s) would make a worker look alive.
  const stale = await redis.keys("spyglass:worker:*");
  if (stale.length) await redis.del(...stale);
});

afterAll(async () => {
  redis.disconnect();
  await closeQueues();
  await disconnectDb();
});

describe("health report", () => {
  it("is not ok with no worker alive", async () => {
    expect(await checkHealth()).toEqual({
      ok: false,
      checks: {
        database: { ok: true, detail: "reachable" },
        redis: { ok: true, detail: "reachable" },
        workers: {
          ok: false,
          detail: "no worker heartbeat in the last 30 s: scheduled refreshes and digests are not running (start one with npm run worker)",
        },
      },
    });
  });

  it("is ok while a worker's heartbeat is live", async () => {
    const beat = startHeartbeat(redis, { queues: ["spyglass-refresh"], concurrency: 2 });
    try {
      let report = await checkHealth();
      for (let i = 0; !report.checks.workers.ok && i < 20; i++) {
        await new Promise((r) => setTimeout(r, 50));
        report = await checkHealth();
      }
      expect(report).toEqual({
        ok: true,
        checks: {
          database: { ok: true, detail: "reachable" },
          redis: { ok: true, detail: "reachable" },
          workers: { ok: true, detail: `1 worker(s) alive: ${os.hostname()} pid ${process.pid}` },
        },
      });
    } finally {
      await beat.stop();
    }
    expect((await checkHealth()).checks.workers.ok).toBe(false);
  });

  it("reports the app database down without its address or Prisma's text (the answer is public)", async () => {
    await disconnectDb();
    const restore = setTestEnv({ DATABASE_URL: `postgresql://someone:secret@127.0.0.1:${await freePort()}/nowhere` });
    try {
      const report = await checkHealth();
      expect(report.ok).toBe(false);
      expect(report.checks.database).toEqual({ ok: false, detail: "unreachable (the web app's log says why)" });
    } finally {
      await disconnectDb();
      restore();
    }
    expect((await checkHealth()).checks.database).toEqual({ ok: true, detail: "reachable" });
  });

  it("reports Redis down, and workers unknown, when Redis is unreachable", async () => {
    await closeQueues();
    const restore = setTestEnv({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      expect(await checkHealth()).toEqual({
        ok: false,
        checks: {
          database: { ok: true, detail: "reachable" },
          redis: { ok: false, detail: "Refreshes are paused: the job queue (Redis) is unreachable" },
          workers: { ok: false, detail: "unknown while Redis is unreachable" },
        },
      });
    } finally {
      await closeQueues();
      restore();
    }
  });
});
