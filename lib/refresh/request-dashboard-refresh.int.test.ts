// "Refresh now" against real Redis: the job is queued either way, and the answer says how many workers
// that take refresh jobs are alive, so the page can say at once that nothing will run it.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { QUEUES } from "@/lib/jobs/definitions";
import { heartbeatKey, startHeartbeat } from "@/lib/jobs/heartbeat";
import { closeQueues } from "@/lib/jobs/queues";
import { createTestDashboard, createTestDataSource, waitFor } from "@/lib/testing/fixtures";
import { requestDashboardRefresh } from "./request-dashboard-refresh";

let redis: Redis;
let queue: Queue;
let dashboardId: string;
const jobIds = new Set<string>();

/** The heartbeat is first written without being awaited; wait for it in Redis. */
const beating = () => waitFor("the heartbeat", async () => (await redis.exists(heartbeatKey())) === 1);

beforeAll(async () => {
  redis = new Redis(getRuntimeEnv().REDIS_URL);
  queue = new Queue(QUEUES.refresh, { connection: { url: getRuntimeEnv().REDIS_URL } });
  // Heartbeats other test files left behind (they expire within 30 s) would count as live workers.
  const stale = await redis.keys("spyglass:worker:*");
  if (stale.length) await redis.del(...stale);
  const ds = await createTestDataSource();
  dashboardId = (await createTestDashboard({ dataSourceId: ds.id, charts: [{ title: "One", sql: "select 1 as a" }] })).dashboard.id;
});

afterAll(async () => {
  for (const id of jobIds) await (await queue.getJob(id))?.remove();
  await getDb().dashboard.deleteMany({ where: { id: dashboardId } });
  await queue.close();
  redis.disconnect();
  await closeQueues();
  await disconnectDb();
});

describe("Refresh now", () => {
  it("queues the refresh and says no worker is alive when none beats", async () => {
    const { jobId, workersAlive } = await requestDashboardRefresh(dashboardId);
    jobIds.add(jobId);
    expect(workersAlive).toBe(0);
    expect(await queue.getJob(jobId)).toMatchObject({ data: { dashboardId, trigger: "manual" } });
  });

  it("counts only live workers that take refresh jobs", async () => {
    const digestsOnly = startHeartbeat(redis, { queues: [QUEUES.digest], concurrency: 1 });
    try {
      await beating();
      expect((await requestDashboardRefresh(dashboardId)).workersAlive).toBe(0);
    } finally {
      await digestsOnly.stop();
    }
    const refreshes = startHeartbeat(redis, { queues: [QUEUES.refresh, QUEUES.digest], concurrency: 1 });
    try {
      await beating();
      const answer = await requestDashboardRefresh(dashboardId);
      jobIds.add(answer.jobId);
      expect(answer.workersAlive).toBe(1);
    } finally {
      await refreshes.stop();
    }
  });
});
