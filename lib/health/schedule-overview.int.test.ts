// Overdue detection against real PostgreSQL and Redis: a schedule whose job scheduler is missing, or whose
// next run is past by more than the grace period (no worker took it), is flagged; others are not.
import os from "node:os";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateChartSchedule } from "@/lib/charts/update-chart-schedule";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { QUEUES } from "@/lib/jobs/definitions";
import { heartbeatKey, startHeartbeat } from "@/lib/jobs/heartbeat";
import { chartSchedulerId, closeQueues, dashboardSchedulerId, syncAllSchedules, syncDashboardSchedule, syncSubscriptionSchedule } from "@/lib/jobs/queues";
import { refreshChart, refreshDashboard } from "@/lib/refresh/refresh-dashboard";
import { freePort } from "@/lib/testing/free-port";
import { createTestDashboard, createTestDataSource, setTestEnv, waitFor } from "@/lib/testing/fixtures";
import { closeAllPools } from "@/lib/warehouse/pools";
import { OVERDUE_GRACE_MS, describeRecipients, getScheduleOverview, overdueReason } from "./schedule-overview";

let queue: Queue;
let dashboardId: string;
let chartId: string;
let subscriptionId: string;

beforeAll(async () => {
  queue = new Queue(QUEUES.refresh, { connection: { url: getRuntimeEnv().REDIS_URL } });
  const ds = await createTestDataSource();
  const made = await createTestDashboard({
    dataSourceId: ds.id,
    title: "Overdue test",
    refreshIntervalMinutes: 60,
    charts: [
      { title: "Follows", sql: "select 1 as a" },
      { title: "Own cron", sql: "select 2 as b" },
    ],
  });
  dashboardId = made.dashboard.id;
  chartId = made.charts[1].id;
  await syncDashboardSchedule(dashboardId);
  await updateChartSchedule(chartId, { mode: "cron", cron: "0 */2 * * *", timezone: "UTC" });
  const sub = await getDb().subscription.create({ data: { dashboardId, recipients: ["a@example.com"], enabled: false } });
  subscriptionId = sub.id;
  await syncSubscriptionSchedule(sub.id);
});

afterAll(async () => {
  await getDb().dashboard.deleteMany({ where: { id: dashboardId } });
  await getDb().chart.deleteMany({ where: { id: chartId } });
  await syncAllSchedules();
  await queue.close();
  await closeQueues();
  await closeAllPools();
  await disconnectDb();
});

const mine = async (opts: Parameters<typeof getScheduleOverview>[0] = {}) => {
  const overview = await getScheduleOverview(opts);
  const rows = overview.rows.filter((r) => [dashboardId, chartId, subscriptionId].includes(r.id));
  return { overview, rows: Object.fromEntries(rows.map((r) => [r.kind, r])) };
};

describe("schedule overview", () => {
  it("lists each schedule with its last and next run, none overdue while the schedulers are on time", async () => {
    await refreshDashboard(dashboardId, "schedule");
    const { rows } = await mine();
    expect(rows.dashboard).toMatchObject({ title: "Overdue test", schedule: "Every hour", lastStatus: "succeeded", lastError: null, overdue: null });
    expect(rows.dashboard.lastDurationMs).toEqual(expect.any(Number));
    const next = (await queue.getJobScheduler(dashboardSchedulerId(dashboardId)))!.next!;
    expect(rows.dashboard.nextRunAt).toBe(new Date(next).toISOString());
    expect(rows.chart).toMatchObject({ title: "Own cron", schedule: "Cron 0 */2 * * * (UTC)", lastRunAt: null, overdue: null });
    expect(new Date(rows.chart.nextRunAt!).getUTCMinutes()).toBe(0);
    // A paused subscription is listed but never overdue.
    expect(rows.subscription).toMatchObject({ schedule: "Paused", nextRunAt: null, overdue: null });
  });

  it("names a digest's recipients, and shows a sent delivery's notes as notes, not as its last error", async () => {
    expect((await mine()).rows.subscription).toMatchObject({ recipients: "to a@example.com", lastError: null, lastNote: null });
    await getDb().delivery.create({
      data: { subscriptionId, scheduledFor: new Date("2031-01-01T08:00:00Z"), trigger: "schedule", status: "sent", error: "Unsubscribed: b@example.com" },
    });
    expect((await mine()).rows.subscription).toMatchObject({ lastStatus: "sent", lastError: null, lastNote: "Unsubscribed: b@example.com" });
    await getDb().delivery.create({
      data: { subscriptionId, scheduledFor: new Date("2031-01-02T08:00:00Z"), trigger: "schedule", status: "failed", error: "Every recipient was rejected." },
    });
    expect((await mine()).rows.subscription).toMatchObject({ lastStatus: "failed", lastError: "Every recipient was rejected.", lastNote: null });

    expect(describeRecipients(["Ada"], ["a@x.com", "b@x.com", "c@x.com"], true)).toBe("to Ada, a@x.com, b@x.com and 1 more · Slack");
    expect(describeRecipients([], [], true)).toBe("Slack only");
  });

  it("flags a schedule whose next run is past by more than the grace period, and one whose scheduler is missing", async () => {
    const next = (await queue.getJobScheduler(dashboardSchedulerId(dashboardId)))!.next!;
    // Within the grace period: a busy worker, not a stopped schedule.
    expect((await mine({ now: new Date(next + OVERDUE_GRACE_MS - 60_000) })).rows.dashboard.overdue).toBeNull();

    const late = await mine({ now: new Date(next + OVERDUE_GRACE_MS + 60_000) });
    expect(late.rows.dashboard.overdue).toBe("it was due 11 min ago and has not run (is a worker running?)");
    expect(late.overview.overdueCount).toBeGreaterThanOrEqual(1);

    await queue.removeJobScheduler(chartSchedulerId(chartId));
    const missing = await mine();
    expect(missing.rows.chart.overdue).toBe("its job scheduler is missing from Redis");
    expect(missing.rows.dashboard.overdue).toBeNull();

    // The worker's re-sync heals it.
    await syncAllSchedules();
    expect((await mine()).rows.chart.overdue).toBeNull();
  });

  it("gives a chart override's duration for a good run only, not beside a failed one", async () => {
    await refreshChart(chartId);
    expect((await mine()).rows.chart).toMatchObject({ lastStatus: "succeeded", lastError: null, lastDurationMs: expect.any(Number) });
    await getDb().chart.update({ where: { id: chartId }, data: { sql: "select 1 / 0 as b" } });
    await refreshChart(chartId);
    expect((await mine()).rows.chart).toMatchObject({ lastStatus: "failed", lastError: "division by zero", lastDurationMs: null });
  });

  it("lists the workers alive, and none when no worker beats (nothing runs any schedule)", async () => {
    const redis = new Redis(getRuntimeEnv().REDIS_URL);
    try {
      // Heartbeats other test files left behind (they expire within 30 s) would count as live workers.
      const stale = await redis.keys("spyglass:worker:*");
      if (stale.length) await redis.del(...stale);
      expect((await getScheduleOverview()).workers).toEqual([]);
      const beat = startHeartbeat(redis, { queues: [QUEUES.refresh, QUEUES.digest], concurrency: 3 });
      try {
        await waitFor("the heartbeat", async () => (await redis.exists(heartbeatKey())) === 1);
        expect((await getScheduleOverview()).workers).toEqual([
          expect.objectContaining({ host: os.hostname(), pid: process.pid, queues: [QUEUES.refresh, QUEUES.digest], concurrency: 3 }),
        ]);
      } finally {
        await beat.stop();
      }
    } finally {
      redis.disconnect();
    }
  });

  it("says next runs are unknown, without flagging anything, while Redis is unreachable", async () => {
    await closeQueues();
    const restore = setTestEnv({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      const { overview, rows } = await mine();
      expect(overview.redisError).toBe("Refreshes are paused: the job queue (Redis) is unreachable");
      expect(rows.dashboard).toMatchObject({ nextRunAt: null, overdue: null, lastStatus: "succeeded" });
      // Unknown, not "none": the page does not claim that no worker runs.
      expect(overview.workers).toBeNull();
    } finally {
      await closeQueues();
      restore();
    }
  });

  it("judges overdue from the scheduler alone", () => {
    const now = Date.parse("2026-12-04T12:00:00Z");
    expect(overdueReason(undefined, now)).toBe("its job scheduler is missing from Redis");
    expect(overdueReason({ queue: QUEUES.refresh, next: now - 30 * 60_000 }, now)).toBe("it was due 30 min ago and has not run (is a worker running?)");
    expect(overdueReason({ queue: QUEUES.refresh, next: now + 60_000 }, now)).toBeNull();
  });
});
