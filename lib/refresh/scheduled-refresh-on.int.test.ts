// A scheduled refresh job left behind in Redis after its schedule was switched off (while Redis was down,
// the scheduler stays until a worker re-syncs; a queued job is never taken back) must not refresh
// anything: real worker, Redis, warehouse and app DB.
import { Queue, type Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateChartSchedule } from "@/lib/charts/update-chart-schedule";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { QUEUES, refreshChartJob, refreshDashboardJob } from "@/lib/jobs/definitions";
import { closeQueues, removeScheduler, chartSchedulerId } from "@/lib/jobs/queues";
import { createTestDashboard, createTestDataSource, waitFor } from "@/lib/testing/fixtures";
import { closeAllPools } from "@/lib/warehouse/pools";
import { startWorkers, type RunningWorkers } from "@/workers/start-workers";

let queue: Queue;
let workers: RunningWorkers;
let dataSourceId: string;
const dashboards: string[] = [];
const charts: string[] = [];

beforeAll(async () => {
  queue = new Queue(QUEUES.refresh, { connection: { url: getRuntimeEnv().REDIS_URL } });
  workers = startWorkers({ concurrency: 2, queues: [QUEUES.refresh], log: () => {} });
  dataSourceId = (await createTestDataSource()).id;
});

afterAll(async () => {
  await workers?.close();
  for (const id of charts) await removeScheduler(QUEUES.refresh, chartSchedulerId(id)).catch(() => {});
  await getDb().dashboard.deleteMany({ where: { id: { in: dashboards } } });
  await getDb().chart.deleteMany({ where: { id: { in: charts } } });
  await queue.close();
  await closeQueues();
  await closeAllPools();
  await disconnectDb();
});

async function dashboard(refreshIntervalMinutes: number) {
  const made = await createTestDashboard({ dataSourceId, refreshIntervalMinutes, charts: [{ title: "Counted", sql: "select 1 as a" }] });
  dashboards.push(made.dashboard.id);
  charts.push(made.charts[0].id);
  return { dashboardId: made.dashboard.id, chartId: made.charts[0].id };
}

/** Runs a job as its scheduler would have queued it, and answers what it returned. */
async function runScheduled(name: string, data: Record<string, string>): Promise<unknown> {
  const job: Job = await queue.add(name, data, { attempts: 1 });
  return waitFor(`job ${name} to complete`, async () => {
    // One read of the job's hash: its finishedOn, failedReason and returnvalue are written together when it
    // ends. (Asking isCompleted() after getJob could see it finish after the read, with returnvalue still null.)
    const done = await queue.getJob(job.id!);
    if (!done?.finishedOn) return null;
    if (done.failedReason) throw new Error(`job failed: ${done.failedReason}`);
    return { value: done.returnvalue as unknown };
  }).then((r) => r.value);
}

const resultOf = (chartId: string) => getDb().chartResult.findUnique({ where: { chartId_paramsKey: { chartId, paramsKey: "" } } });

describe("scheduled refresh jobs whose schedule is off in the app DB", () => {
  it("a dashboard's runs nothing and records no refresh run; one that is on runs", async () => {
    const off = await dashboard(0);
    expect(await runScheduled(refreshDashboardJob.name, { dashboardId: off.dashboardId, trigger: "schedule" })).toEqual({
      skipped: "the dashboard's refreshes are off",
    });
    expect(await getDb().refreshRun.count({ where: { dashboardId: off.dashboardId } })).toBe(0);
    expect(await resultOf(off.chartId)).toBeNull();

    const on = await dashboard(60);
    expect(await runScheduled(refreshDashboardJob.name, { dashboardId: on.dashboardId, trigger: "schedule" })).toMatchObject({ status: "succeeded", charts: 1 });
    expect((await resultOf(on.chartId))?.rows).toEqual([[1]]);
  });

  it("a chart's own runs nothing once the chart is off or follows its dashboards again; while its own schedule is on it runs", async () => {
    const { chartId } = await dashboard(60);
    await updateChartSchedule(chartId, { mode: "off" });
    expect(await runScheduled(refreshChartJob.name, { chartId, trigger: "schedule" })).toEqual({ skipped: "the chart has no schedule of its own that runs" });
    await updateChartSchedule(chartId, { mode: "dashboard" });
    expect(await runScheduled(refreshChartJob.name, { chartId, trigger: "schedule" })).toEqual({ skipped: "the chart has no schedule of its own that runs" });
    expect(await resultOf(chartId)).toBeNull();

    await updateChartSchedule(chartId, { mode: "interval", minutes: 15 });
    expect(await runScheduled(refreshChartJob.name, { chartId, trigger: "schedule" })).toMatchObject({ ok: true, rowCount: 1 });
    expect((await resultOf(chartId))?.rows).toEqual([[1]]);
  });
});
