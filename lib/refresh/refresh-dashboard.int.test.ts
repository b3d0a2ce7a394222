// The refresh job end to end: enqueued like the web app does, processed by a real BullMQ Worker, run
// against a real PostgreSQL warehouse, cached in the real app DB.
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { QUEUES, refreshDashboardJob } from "@/lib/jobs/definitions";
import { closeQueues, enqueueDashboardRefresh } from "@/lib/jobs/queues";
import { refreshChart } from "@/lib/refresh/refresh-dashboard";
import { createTestDashboard, createTestDataSource, waitFor } from "@/lib/testing/fixtures";
import { closeAllPools } from "@/lib/warehouse/pools";
import { startWorkers, type RunningWorkers } from "@/workers/start-workers";

let workers: RunningWorkers;
const logLines: string[] = [];
let dashboardId: string;
let chartId: string;

async function finishedRunAfter(since: Date) {
  return waitFor("the refresh run to finish", () =>
    getDb().refreshRun.findFirst({
      where: { dashboardId, startedAt: { gte: since }, status: { not: "running" } },
      orderBy: { startedAt: "desc" },
    }),
  );
}

beforeAll(async () => {
  workers = startWorkers({ concurrency: 2, queues: [QUEUES.refresh], log: (l) => logLines.push(l) });
  const ds = await createTestDataSource();
  const { dashboard, charts } = await createTestDashboard({
    dataSourceId: ds.id,
    title: "Refresh test",
    charts: [{ title: "One", sql: "select 1 as a" }],
  });
  dashboardId = dashboard.id;
  chartId = charts[0].id;
});

afterAll(async () => {
  await workers?.close();
  await getDb().dashboard.deleteMany({ where: { id: dashboardId } });
  await closeQueues();
  await closeAllPools();
  await disconnectDb();
});

describe("refresh job", () => {
  it("runs the chart's query in a worker and caches the rows", async () => {
    const since = new Date();
    const { jobId } = await enqueueDashboardRefresh(dashboardId, "manual");
    expect(jobId).toBeTruthy();

    const run = await finishedRunAfter(since);
    expect(run).toMatchObject({ status: "succeeded", trigger: "manual", error: null });
    expect(run.finishedAt).not.toBeNull();

    const result = await getDb().chartResult.findUniqueOrThrow({ where: { chartId_paramsKey: { chartId, paramsKey: "" } } });
    expect(result.rows).toEqual([[1]]);
    expect(result.columns).toEqual([expect.objectContaining({ name: "a", type: "number" })]);
    expect(result.rowCount).toBe(1);
    expect(result.truncated).toBe(false);
    expect(result.lastError).toBeNull();
    expect(result.computedAt).not.toBeNull();
    expect(result.lastAttemptAt).not.toBeNull();
    expect(logLines.some((l) => l.startsWith("[job] done spyglass-refresh/refresh-dashboard"))).toBe(true);
  });

  it("keeps the previous rows of a failing chart and records the error", async () => {
    const before = await getDb().chartResult.findUniqueOrThrow({ where: { chartId_paramsKey: { chartId, paramsKey: "" } } });
    await getDb().chart.update({ where: { id: chartId }, data: { sql: "select * from no_such_table_for_refresh" } });

    const since = new Date();
    await enqueueDashboardRefresh(dashboardId, "manual");
    const run = await finishedRunAfter(since);
    expect(run.status).toBe("failed");
    expect(run.error).toContain("1 of 1 charts failed");
    expect(run.error).toContain("One:");
    expect(run.error).toContain("no_such_table_for_refresh");

    const after = await getDb().chartResult.findUniqueOrThrow({ where: { chartId_paramsKey: { chartId, paramsKey: "" } } });
    expect(after.rows).toEqual([[1]]);
    expect(after.columns).toEqual(before.columns);
    expect(after.computedAt).toEqual(before.computedAt);
    expect(after.lastError).toContain("no_such_table_for_refresh");
    expect(after.lastAttemptAt!.getTime()).toBeGreaterThan(before.lastAttemptAt!.getTime());

    // Fixing the chart clears the error.
    await getDb().chart.update({ where: { id: chartId }, data: { sql: "select 2 as a" } });
    const since2 = new Date();
    await enqueueDashboardRefresh(dashboardId, "manual");
    expect((await finishedRunAfter(since2)).status).toBe("succeeded");
    const fixed = await getDb().chartResult.findUniqueOrThrow({ where: { chartId_paramsKey: { chartId, paramsKey: "" } } });
    expect(fixed.rows).toEqual([[2]]);
    expect(fixed.lastError).toBeNull();
  });

  it("expands snippets and binds parameter defaults, as the SQL page does", async () => {
    const db = getDb();
    const snippetName = `refresh_words_${Date.now()}`;
    await db.snippet.create({ data: { name: snippetName, sql: "select unnest(array['a','b','c']) as word" } });
    const chart = await db.chart.create({
      data: {
        title: "Parameterized",
        dataSourceId: (await db.chart.findUniqueOrThrow({ where: { id: chartId } })).dataSourceId,
        sql: `select word, {{n}}::int as n from ([${snippetName}]) w where true [[and word <> {{skip}}]] order by word`,
        parameters: [
          { name: "n", type: "number", default: 7 },
          { name: "skip", type: "text", default: "b" },
        ],
      },
    });
    try {
      const outcome = await refreshChart(chart.id);
      expect(outcome).toMatchObject({ ok: true, rowCount: 2 });
      const result = await db.chartResult.findUniqueOrThrow({ where: { chartId_paramsKey: { chartId: chart.id, paramsKey: "" } } });
      expect(result.rows).toEqual([
        ["a", 7],
        ["c", 7],
      ]);
    } finally {
      await db.chart.delete({ where: { id: chart.id } });
      await db.snippet.deleteMany({ where: { name: snippetName } });
    }
  });

  it("fails a job with an invalid payload permanently instead of retrying it", async () => {
    const queue = new Queue(QUEUES.refresh, { connection: { url: getRuntimeEnv().REDIS_URL } });
    try {
      const job = await queue.add(refreshDashboardJob.name, { dashboardId: 42 }, { attempts: 5, backoff: 1000 });
      const failed = await waitFor("the bad job to fail", async () => {
        const state = await job.getState();
        return state === "failed" ? queue.getJob(job.id!) : undefined;
      });
      expect(failed?.failedReason).toContain("Invalid payload for refresh-dashboard");
      expect(failed?.attemptsMade).toBe(1);
    } finally {
      await queue.close();
    }
  });
});
