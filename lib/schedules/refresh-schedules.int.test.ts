// Refresh schedules end to end against real PostgreSQL and Redis: a dashboard's interval or cron in a time
// zone, a chart's own schedule with its own job scheduler, the API-level checks with readable errors, the
// re-sync that removes stale schedulers, and dashboard refreshes that leave self-scheduled charts alone.
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { updateChartSchedule } from "@/lib/charts/update-chart-schedule";
import { updateDashboard } from "@/lib/dashboards/update-dashboard";
import { updateDashboardSchema } from "@/lib/dashboards/schemas";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { QUEUES } from "@/lib/jobs/definitions";
import { chartSchedulerId, closeQueues, dashboardSchedulerId, syncAllSchedules, syncChartSchedule } from "@/lib/jobs/queues";
import { refreshDashboard } from "@/lib/refresh/refresh-dashboard";
import { expectAppError } from "@/lib/testing/expect-app-error";
import { createTestDashboard, createTestDataSource, waitFor } from "@/lib/testing/fixtures";
import { closeAllPools } from "@/lib/warehouse/pools";
import { startWorkers, type RunningWorkers } from "@/workers/start-workers";
import { previewRefreshCron } from "./refresh-cron";

let queue: Queue;
let editor: SessionUser;
let dataSourceId: string;
const dashboards: string[] = [];

beforeAll(async () => {
  queue = new Queue(QUEUES.refresh, { connection: { url: getRuntimeEnv().REDIS_URL } });
  const u = await getDb().user.create({ data: { email: `sched-${Date.now()}@example.com`, name: "Ed", passwordHash: "x", role: "EDITOR" } });
  editor = { id: u.id, email: u.email, name: u.name, role: u.role };
  dataSourceId = (await createTestDataSource()).id;
});

afterAll(async () => {
  const charts = await getDb().dashboardTile.findMany({ where: { dashboardId: { in: dashboards } }, select: { chartId: true } });
  await getDb().dashboard.deleteMany({ where: { id: { in: dashboards } } });
  await getDb().chart.deleteMany({ where: { id: { in: charts.flatMap((c) => (c.chartId ? [c.chartId] : [])) } } });
  await getDb().user.delete({ where: { id: editor.id } });
  await syncAllSchedules();
  await queue.close();
  await closeQueues();
  await closeAllPools();
  await disconnectDb();
});

async function newDashboard(charts: { title: string; sql: string }[] = []) {
  const made = await createTestDashboard({ dataSourceId, charts, refreshIntervalMinutes: 60 });
  dashboards.push(made.dashboard.id);
  return made;
}

describe("dashboard schedules", () => {
  it("runs on a cron in a time zone when one is set, back on the interval when it is cleared, and not at all when off", async () => {
    const { dashboard } = await newDashboard();
    const saved = await updateDashboard(editor, dashboard.id, { version: dashboard.version, refreshCron: "30 6 * * 1-5", refreshTimezone: "Europe/Paris" });
    expect(saved).toMatchObject({ refreshCron: "30 6 * * 1-5", refreshTimezone: "Europe/Paris", refreshIntervalMinutes: 60 });
    const cron = await queue.getJobScheduler(dashboardSchedulerId(dashboard.id));
    expect(cron).toMatchObject({ pattern: "30 6 * * 1-5", tz: "Europe/Paris", name: "refresh-dashboard" });
    expect(cron?.every).toBeFalsy();

    const back = await updateDashboard(editor, dashboard.id, { version: saved.version, refreshCron: null, refreshIntervalMinutes: 45 });
    const interval = await queue.getJobScheduler(dashboardSchedulerId(dashboard.id));
    expect(interval?.every).toBe(45 * 60_000);
    expect(interval?.pattern).toBeFalsy();

    await updateDashboard(editor, dashboard.id, { version: back.version, refreshIntervalMinutes: 0 });
    expect(await queue.getJobScheduler(dashboardSchedulerId(dashboard.id))).toBeUndefined();
  });

  it("refuses a cron or time zone the scheduler cannot run, with a readable message", async () => {
    const { dashboard } = await newDashboard();
    const bad = await expectAppError(updateDashboard(editor, dashboard.id, { version: dashboard.version, refreshCron: "0 25 * * *", refreshTimezone: "UTC" }));
    expect(bad.code).toBe("INVALID");
    expect(bad.message).toMatch(/^Invalid cron expression "0 25 \* \* \*": /);
    const tooOften = await expectAppError(updateDashboard(editor, dashboard.id, { version: dashboard.version, refreshCron: "* * * * *" }));
    expect(tooOften.message).toBe('Refresh at most every 5 minutes: "* * * * *" runs more often.');

    const zone = updateDashboardSchema.safeParse({ version: 1, refreshCron: "0 8 * * *", refreshTimezone: "Mars/Olympus" });
    expect(zone.success).toBe(false);
    expect(zone.error?.issues[0].message).toBe("Unknown time zone: use an IANA name such as Europe/London or America/New_York");
    const fields = updateDashboardSchema.safeParse({ version: 1, refreshCron: "0 8 * *" });
    expect(fields.error?.issues[0].message).toBe("Use a five-field cron expression: minute hour day-of-month month day-of-week");
    // Nothing was saved.
    expect(await getDb().dashboard.findUniqueOrThrow({ where: { id: dashboard.id }, select: { refreshCron: true, version: true } })).toEqual({
      refreshCron: null,
      version: dashboard.version,
    });
  });

  it("previews the next three runs in the schedule's time zone", () => {
    const preview = previewRefreshCron("0 8 * * 1-5", "America/New_York");
    expect("runs" in preview && preview.runs).toHaveLength(3);
    for (const run of "runs" in preview ? preview.runs : []) {
      const local = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "2-digit", minute: "2-digit", hour12: false, weekday: "short" }).format(new Date(run));
      expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 08:00$/);
    }
    expect(previewRefreshCron("0 8 * * *", "Nowhere/Atlantis")).toEqual({ error: "Unknown time zone: Nowhere/Atlantis" });
  });
});

describe("chart schedule overrides", () => {
  it("gives a chart with its own schedule its own scheduler, and removes it when the chart follows its dashboard again", async () => {
    const { charts } = await newDashboard([{ title: "Own", sql: "select 1 as a" }]);
    const chartId = charts[0].id;
    expect(await updateChartSchedule(chartId, { mode: "cron", cron: "0 */2 * * *", timezone: "Asia/Tokyo" })).toEqual({
      chartId,
      schedule: { kind: "cron", cron: "0 */2 * * *", timezone: "Asia/Tokyo" },
      scheduled: true,
    });
    expect(await queue.getJobScheduler(chartSchedulerId(chartId))).toMatchObject({
      name: "refresh-chart",
      pattern: "0 */2 * * *",
      tz: "Asia/Tokyo",
      template: { data: { chartId, trigger: "schedule" } },
    });

    await updateChartSchedule(chartId, { mode: "interval", minutes: 20 });
    expect((await queue.getJobScheduler(chartSchedulerId(chartId)))?.every).toBe(20 * 60_000);

    // Off is an override too: no scheduler of its own, and its dashboards leave it alone.
    expect((await updateChartSchedule(chartId, { mode: "off" })).schedule).toEqual({ kind: "off" });
    expect(await queue.getJobScheduler(chartSchedulerId(chartId))).toBeUndefined();

    await updateChartSchedule(chartId, { mode: "interval", minutes: 20 });
    expect((await updateChartSchedule(chartId, { mode: "dashboard" })).schedule).toBeNull();
    expect(await queue.getJobScheduler(chartSchedulerId(chartId))).toBeUndefined();

    const bad = await expectAppError(updateChartSchedule(chartId, { mode: "cron", cron: "61 * * * *", timezone: "UTC" }));
    expect(bad.message).toMatch(/^Invalid cron expression "61 \* \* \* \*"/);
  });

  it("re-syncs chart schedulers from the DB at worker start: restores missing ones and removes stale ones", async () => {
    const { charts } = await newDashboard([
      { title: "Kept", sql: "select 1 as a" },
      { title: "Stale", sql: "select 2 as b" },
    ]);
    const [kept, stale] = charts;
    await updateChartSchedule(kept.id, { mode: "interval", minutes: 30 });
    await updateChartSchedule(stale.id, { mode: "interval", minutes: 30 });
    // Changed behind the scheduler's back (e.g. Redis was down when it was saved), and one scheduler lost.
    await getDb().chart.update({ where: { id: stale.id }, data: { refreshIntervalMinutes: null } });
    await queue.removeJobScheduler(chartSchedulerId(kept.id));

    await syncAllSchedules();
    expect((await queue.getJobScheduler(chartSchedulerId(kept.id)))?.every).toBe(30 * 60_000);
    expect(await queue.getJobScheduler(chartSchedulerId(stale.id))).toBeUndefined();
    expect(await syncChartSchedule(kept.id)).toBe("unchanged");
  });

  it("scheduled dashboard refreshes skip a chart with its own schedule; its own job refreshes it; Refresh now runs it too", async () => {
    const { dashboard, charts } = await newDashboard([
      { title: "Follows", sql: "select 1 as a" },
      { title: "Own schedule", sql: "select 2 as b" },
    ]);
    const [follows, own] = charts;
    await updateChartSchedule(own.id, { mode: "interval", minutes: 30 });

    const run = await refreshDashboard(dashboard.id, "schedule");
    expect(run.charts.map((c) => c.title)).toEqual(["Follows"]);
    expect(await getDb().chartResult.count({ where: { chartId: own.id } })).toBe(0);
    expect(await getDb().chartResult.count({ where: { chartId: follows.id } })).toBe(1);

    // The chart's scheduler job, run by a real worker.
    const workers: RunningWorkers = startWorkers({ concurrency: 1, queues: [QUEUES.refresh], log: () => {} });
    try {
      await queue.add("refresh-chart", { chartId: own.id, trigger: "schedule" });
      const result = await waitFor("the chart's own refresh", () => getDb().chartResult.findFirst({ where: { chartId: own.id, computedAt: { not: null } } }));
      expect(result.rows).toEqual([[2]]);
    } finally {
      await workers.close();
    }

    // "Refresh now" (the page waits for every tile's new result) runs every chart it shows.
    const manual = await refreshDashboard(dashboard.id, "manual");
    expect(manual.charts.map((c) => c.title).sort()).toEqual(["Follows", "Own schedule"]);
  });
});
