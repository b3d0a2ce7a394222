// Job schedulers follow the app DB, scheduled jobs know their scheduled time, producers fail fast when
// Redis is down, and worker heartbeats are visible: all against a real Redis and PostgreSQL.
import os from "node:os";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { freePort } from "@/lib/testing/free-port";
import { QUEUES } from "./definitions";
import { getWorkerHeartbeats, startHeartbeat } from "./heartbeat";
import { scheduledTimeOf } from "./process-job";
import { setTestEnv } from "@/lib/testing/fixtures";
import {
  QUEUE_UNAVAILABLE_MESSAGE,
  closeQueues,
  dashboardSchedulerId,
  enqueueDashboardRefresh,
  enqueueDigestNow,
  subscriptionSchedulerId,
  syncAllSchedules,
  syncDashboardSchedule,
  syncSubscriptionSchedule,
} from "./queues";

let refreshQueue: Queue;
let digestQueue: Queue;
const created: string[] = [];

beforeAll(() => {
  refreshQueue = new Queue(QUEUES.refresh, { connection: { url: getRuntimeEnv().REDIS_URL } });
  digestQueue = new Queue(QUEUES.digest, { connection: { url: getRuntimeEnv().REDIS_URL } });
});

afterAll(async () => {
  await getDb().dashboard.deleteMany({ where: { id: { in: created } } });
  await syncAllSchedules();
  await Promise.all([refreshQueue.close(), digestQueue.close()]);
  await closeQueues();
  await disconnectDb();
});

async function newDashboard(refreshIntervalMinutes: number) {
  const d = await getDb().dashboard.create({ data: { title: "Schedules", refreshIntervalMinutes } });
  created.push(d.id);
  return d;
}

describe("job schedulers follow the app DB", () => {
  it("schedules a dashboard's refresh every refreshIntervalMinutes, and removes it at 0", async () => {
    const d = await newDashboard(60);
    expect(await syncDashboardSchedule(d.id)).toBe("upserted");
    const s = await refreshQueue.getJobScheduler(dashboardSchedulerId(d.id));
    expect(s).toMatchObject({ every: 3_600_000, name: "refresh-dashboard", template: { data: { dashboardId: d.id, trigger: "schedule" } } });
    expect(s?.template?.opts).toMatchObject({ attempts: 3 });

    // Same schedule again: left alone, so a run that came due while workers were down is not dropped.
    const next = s?.next;
    expect(await syncDashboardSchedule(d.id)).toBe("unchanged");
    expect((await refreshQueue.getJobScheduler(dashboardSchedulerId(d.id)))?.next).toBe(next);

    await getDb().dashboard.update({ where: { id: d.id }, data: { refreshIntervalMinutes: 15 } });
    expect(await syncDashboardSchedule(d.id)).toBe("upserted");
    expect((await refreshQueue.getJobScheduler(dashboardSchedulerId(d.id)))?.every).toBe(900_000);

    await getDb().dashboard.update({ where: { id: d.id }, data: { refreshIntervalMinutes: 0 } });
    expect(await syncDashboardSchedule(d.id)).toBe("removed");
    expect(await refreshQueue.getJobScheduler(dashboardSchedulerId(d.id))).toBeUndefined();
  });

  it("schedules a subscription on its cron in its time zone, and removes it when disabled or deleted", async () => {
    const d = await newDashboard(0);
    const sub = await getDb().subscription.create({
      data: { dashboardId: d.id, recipients: ["a@example.com"], cron: "30 7 * * 1-5", timezone: "Europe/Paris" },
    });
    expect(await syncSubscriptionSchedule(sub.id)).toBe("upserted");
    const s = await digestQueue.getJobScheduler(subscriptionSchedulerId(sub.id));
    expect(s).toMatchObject({ pattern: "30 7 * * 1-5", tz: "Europe/Paris", template: { data: { subscriptionId: sub.id, trigger: "schedule" } } });
    // 07:30 in Paris is 05:30 or 06:30 UTC, on a weekday.
    const next = new Date(s!.next!);
    expect(next.getUTCMinutes()).toBe(30);
    expect([5, 6]).toContain(next.getUTCHours());
    expect([1, 2, 3, 4, 5]).toContain(next.getUTCDay());
    expect(await syncSubscriptionSchedule(sub.id)).toBe("unchanged");

    await getDb().subscription.update({ where: { id: sub.id }, data: { enabled: false } });
    expect(await syncSubscriptionSchedule(sub.id)).toBe("removed");
    expect(await digestQueue.getJobScheduler(subscriptionSchedulerId(sub.id))).toBeUndefined();

    await getDb().subscription.update({ where: { id: sub.id }, data: { enabled: true } });
    expect(await syncSubscriptionSchedule(sub.id)).toBe("upserted");
    await getDb().subscription.delete({ where: { id: sub.id } });
    expect(await syncSubscriptionSchedule(sub.id)).toBe("removed");
  });

  it("syncAllSchedules restores missing schedulers and removes orphans", async () => {
    const d = await newDashboard(30);
    const sub = await getDb().subscription.create({ data: { dashboardId: d.id, recipients: ["b@example.com"], cron: "0 9 * * *", timezone: "UTC" } });
    await digestQueue.upsertJobScheduler("digest:ghost", { pattern: "0 9 * * *" }, { name: "send-digest", data: { subscriptionId: "ghost", trigger: "schedule" } });
    await refreshQueue.upsertJobScheduler("refresh:ghost", { every: 3_600_000 }, { name: "refresh-dashboard", data: { dashboardId: "ghost", trigger: "schedule" } });

    const result = await syncAllSchedules();
    expect(result.errors).toEqual([]);
    expect(result.removed).toBeGreaterThanOrEqual(2);
    expect(await digestQueue.getJobScheduler("digest:ghost")).toBeUndefined();
    expect(await refreshQueue.getJobScheduler("refresh:ghost")).toBeUndefined();
    expect(await refreshQueue.getJobScheduler(dashboardSchedulerId(d.id))).toMatchObject({ every: 1_800_000 });
    expect(await digestQueue.getJobScheduler(subscriptionSchedulerId(sub.id))).toMatchObject({ pattern: "0 9 * * *", tz: "UTC" });

    // Run again: nothing to do.
    const again = await syncAllSchedules();
    expect(again).toMatchObject({ upserted: 0, removed: 0, errors: [] });
  });
});

describe("scheduled jobs know when they were scheduled for", () => {
  it("reads the scheduled time of `every` and cron scheduler jobs, not the time they ran", async () => {
    const name = `spyglass-test-scheduled-${process.pid}`;
    const connection = new Redis(getRuntimeEnv().REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(name, { connection });
    const seen: { scheduler: string; scheduledAt: number; ranAt: number; id: string }[] = [];
    const worker = new Worker(
      name,
      async (job) => {
        seen.push({ scheduler: job.repeatJobKey!, scheduledAt: scheduledTimeOf(job)!.getTime(), ranAt: Date.now(), id: job.id! });
      },
      { connection },
    );
    try {
      await queue.upsertJobScheduler("every", { every: 700 }, { name: "tick", data: {} });
      await queue.upsertJobScheduler("cron", { pattern: "* * * * * *", tz: "Europe/Paris" }, { name: "tock", data: {} });
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (seen.filter((s) => s.scheduler === "every").length < 2 || seen.filter((s) => s.scheduler === "cron").length < 2)) {
        await new Promise((r) => setTimeout(r, 100));
      }
      for (const s of seen) {
        expect(s.id).toBe(`repeat:${s.scheduler}:${s.scheduledAt}`);
        expect(s.scheduledAt).toBeLessThanOrEqual(s.ranAt);
        if (s.scheduler === "cron") expect(s.scheduledAt % 1000).toBe(0);
      }
      const everyTimes = seen.filter((s) => s.scheduler === "every").map((s) => s.scheduledAt);
      expect(everyTimes.length).toBeGreaterThanOrEqual(2);
      expect(everyTimes[1] - everyTimes[0]).toBe(700);
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
      connection.disconnect();
    }
    expect(scheduledTimeOf({ id: "17", repeatJobKey: undefined, opts: {} })).toBeUndefined();
  });
});

describe("when Redis is unreachable", () => {
  it("enqueueing answers UNAVAILABLE within seconds instead of hanging", async () => {
    await closeQueues();
    const restore = setTestEnv({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      const started = Date.now();
      const error = await enqueueDashboardRefresh("whatever", "manual").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("UNAVAILABLE");
      expect((error as AppError).message).toBe(QUEUE_UNAVAILABLE_MESSAGE);
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      await closeQueues();
      restore();
    }
    // And it works again once Redis is back. A second click while the first refresh waits joins it.
    const d = await newDashboard(0);
    const { jobId } = await enqueueDashboardRefresh(d.id, "manual");
    expect(jobId).toBeTruthy();
    expect((await enqueueDashboardRefresh(d.id, "manual")).jobId).toBe(jobId);
    expect(await refreshQueue.getJob(jobId)).toMatchObject({ name: "refresh-dashboard", data: { dashboardId: d.id, trigger: "manual" } });
    await refreshQueue.remove(jobId);
  });
});

describe("send now", () => {
  it("runs an earlier send now of the subscription that waits for its retry, instead of queuing a second email", async () => {
    const sub = "send-now-" + Date.now();
    const first = await enqueueDigestNow(sub);
    // A second click while the first is still queued joins it.
    expect(await enqueueDigestNow(sub)).toEqual(first);
    // The first attempt failed (SMTP down) and waits for its retry: the click runs it now.
    const job = (await digestQueue.getJob(first.jobId))!;
    await job.remove();
    await digestQueue.add("send-digest", job.data, { jobId: first.jobId, delay: 60_000 });
    expect(await (await digestQueue.getJob(first.jobId))!.getState()).toBe("delayed");
    expect(await enqueueDigestNow(sub)).toEqual(first);
    expect(await (await digestQueue.getJob(first.jobId))!.getState()).toBe("waiting");
    // Once it is done, a click queues a new send.
    await (await digestQueue.getJob(first.jobId))!.remove();
    const next = await enqueueDigestNow(sub);
    expect(next.jobId).not.toBe(first.jobId);
    expect(next.jobId).toBe(`digest-${sub}-${Date.parse(next.scheduledFor)}`);
    await (await digestQueue.getJob(next.jobId))!.remove();
  });

  it("queues a new send when the earlier one belongs to another subscription", async () => {
    const a = await enqueueDigestNow("send-now-a-" + Date.now());
    const b = await enqueueDigestNow("send-now-b-" + Date.now());
    expect(b.jobId).not.toBe(a.jobId);
    await Promise.all([a, b].map(async (x) => (await digestQueue.getJob(x.jobId))!.remove()));
  });
});

describe("worker heartbeats", () => {
  it("are listed while a worker beats and vanish when it stops", async () => {
    const redis = new Redis(getRuntimeEnv().REDIS_URL);
    const beat = startHeartbeat(redis, { queues: ["spyglass-refresh"], concurrency: 3 });
    try {
      const mine = async () => (await getWorkerHeartbeats()).find((h) => h.pid === process.pid && h.host === os.hostname());
      let found = await mine();
      for (let i = 0; !found && i < 20; i++) {
        await new Promise((r) => setTimeout(r, 50));
        found = await mine();
      }
      expect(found).toMatchObject({ queues: ["spyglass-refresh"], concurrency: 3 });
      expect(await redis.ttl(`spyglass:worker:${os.hostname()}:${process.pid}`)).toBeGreaterThan(20);
      await beat.stop();
      expect(await mine()).toBeUndefined();
    } finally {
      await beat.stop();
      redis.disconnect();
    }
  });
});
