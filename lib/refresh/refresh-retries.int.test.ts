// Failed charts are retried with backoff before they are left marked failed, and a retry re-runs only the
// charts that failed: against a real worker, Redis, warehouse and app DB.
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { QUEUES, refreshDashboardJob } from "@/lib/jobs/definitions";
import { closeQueues } from "@/lib/jobs/queues";
import { createTestDashboard, createTestDataSource, waitFor } from "@/lib/testing/fixtures";
import { closeAllPools } from "@/lib/warehouse/pools";
import { startWorkers, type RunningWorkers } from "@/workers/start-workers";
import { refreshDashboard } from "./refresh-dashboard";

let queue: Queue;
let workers: RunningWorkers | undefined;
const dashboards: string[] = [];

beforeAll(() => {
  queue = new Queue(QUEUES.refresh, { connection: { url: getRuntimeEnv().REDIS_URL } });
});

afterAll(async () => {
  await workers?.close();
  await getDb().dashboard.deleteMany({ where: { id: { in: dashboards } } });
  await queue.close();
  await closeQueues();
  await closeAllPools();
  await disconnectDb();
});

async function dashboardWithAGoodAndABadChart() {
  const ds = await createTestDataSource();
  const made = await createTestDashboard({
    dataSourceId: ds.id,
    // On a schedule: a scheduled job of a dashboard whose refreshes are off runs nothing.
    refreshIntervalMinutes: 60,
    charts: [
      { title: "Good", sql: "select 1 as a" },
      { title: "Bad", sql: "select 1 / 0 as b" },
    ],
  });
  dashboards.push(made.dashboard.id);
  return { dashboardId: made.dashboard.id, good: made.charts[0].id, bad: made.charts[1].id };
}

const attemptOf = (chartId: string) =>
  getDb().chartResult.findUniqueOrThrow({ where: { chartId_paramsKey: { chartId, paramsKey: "" } }, select: { lastAttemptAt: true, lastError: true } });

describe("refresh retries", () => {
  it("a retry re-runs only the charts that failed, and each attempt records its number and duration", async () => {
    const { dashboardId, good, bad } = await dashboardWithAGoodAndABadChart();
    const first = await refreshDashboard(dashboardId, "schedule", { attempt: 1, maxAttempts: 3 });
    expect(first).toMatchObject({ status: "retrying", attempt: 1, willRetry: true, totalCharts: 2, failedCharts: 1 });
    const goodAfterFirst = await attemptOf(good);

    const second = await refreshDashboard(dashboardId, "schedule", { attempt: 2, maxAttempts: 3 });
    expect(second.charts.map((c) => c.title)).toEqual(["Bad"]);
    // The summary counts the dashboard's charts, not only those this attempt re-ran.
    expect(second.error).toBe("1 of 2 charts failed: Bad: division by zero");
    expect(await attemptOf(good)).toEqual(goodAfterFirst);

    const last = await refreshDashboard(dashboardId, "schedule", { attempt: 3, maxAttempts: 3 });
    expect(last).toMatchObject({ status: "failed", attempt: 3, willRetry: false, error: "1 of 2 charts failed: Bad: division by zero" });
    expect((await attemptOf(bad)).lastError).toBe("division by zero");

    const runs = await getDb().refreshRun.findMany({ where: { dashboardId }, orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => [r.attempt, r.status])).toEqual([
      [1, "retrying"],
      [2, "retrying"],
      [3, "failed"],
    ]);
    for (const r of runs) {
      expect(r.durationMs).toBe(r.finishedAt!.getTime() - r.startedAt.getTime());
    }
  });

  it("the worker retries the job with backoff, then leaves the failure recorded", async () => {
    workers = startWorkers({ concurrency: 1, queues: [QUEUES.refresh], log: () => {} });
    const { dashboardId, good } = await dashboardWithAGoodAndABadChart();
    // The definition's own retry policy, with a short fixed backoff so the test does not wait 30 s.
    const job = await queue.add(
      refreshDashboardJob.name,
      { dashboardId, trigger: "schedule" },
      { ...refreshDashboardJob.options, backoff: { type: "fixed", delay: 200 } },
    );
    const runs = await waitFor("three attempts", async () => {
      const rows = await getDb().refreshRun.findMany({ where: { dashboardId, status: { not: "running" } }, orderBy: { attempt: "asc" } });
      return rows.length === 3 && rows;
    });
    expect(runs.map((r) => [r.attempt, r.status])).toEqual([
      [1, "retrying"],
      [2, "retrying"],
      [3, "failed"],
    ]);
    // The good chart ran on the first attempt only.
    const goodResult = await attemptOf(good);
    expect(goodResult.lastError).toBeNull();
    expect(goodResult.lastAttemptAt!.getTime()).toBeLessThan(runs[1].startedAt.getTime());
    const finished = await waitFor("the job to complete", async () => ((await job.isCompleted()) ? await queue.getJob(job.id!) : null));
    expect(finished?.attemptsMade).toBe(3);
    expect(finished?.returnvalue).toMatchObject({ status: "failed", failed: 1, attempt: 3 });
  });
});
