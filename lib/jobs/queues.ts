// The producer side of the job queues, used by the web app and by workers to enqueue jobs and keep the
// job schedulers in Redis in step with the app DB, which is the source of truth for schedules.
// Queues are created lazily on a fail-fast connection: when Redis is unreachable every call here throws
// AppError("UNAVAILABLE") within a few seconds instead of hanging the request.
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { chartRefreshSchedule, dashboardRefreshSchedule, type RefreshSchedule } from "@/lib/schedules/refresh-schedule";
import { createProducerConnection, waitForReady } from "./connection";
import {
  ALL_QUEUES,
  QUEUES,
  refreshChartJob,
  refreshChartPayload,
  refreshDashboardJob,
  refreshDashboardPayload,
  sendDigestJob,
  sendDigestPayload,
  type JobDefinition,
  type QueueName,
} from "./definitions";

export const QUEUE_UNAVAILABLE_MESSAGE = "Refreshes are paused: the job queue (Redis) is unreachable";
/** The same outage as digests' editors meet it ("refreshes are paused" read as unrelated to their digest). */
export const DIGESTS_UNAVAILABLE_MESSAGE =
  "Digests cannot be scheduled or sent right now: the job queue (Redis) is unreachable. Nothing was changed; try again when it is back";

/** How long a request may wait for Redis before it answers 503. */
const REDIS_WAIT_MS = 3_000;
const REDIS_OP_TIMEOUT_MS = 5_000;

interface Producer {
  connection: Redis;
  queues: Map<QueueName, Queue>;
}

// On globalThis so Next's dev reloads reuse one connection.
const g = globalThis as unknown as { spyglassProducer?: Producer };

/** Logs the first connection error of an outage, not every reconnection attempt. */
function reportOutage(connection: Redis) {
  let reported = false;
  connection.on("ready", () => {
    reported = false;
  });
  // Without an 'error' listener ioredis errors would crash the process; callers get UNAVAILABLE instead.
  connection.on("error", (e: Error) => {
    if (reported) return;
    reported = true;
    console.warn(`[jobs] Redis is unreachable (${e.message}): refreshes and digests cannot be queued until it is back.`);
  });
}

function getProducer(): Producer {
  if (!g.spyglassProducer) {
    const connection = createProducerConnection();
    reportOutage(connection);
    g.spyglassProducer = { connection, queues: new Map() };
  }
  return g.spyglassProducer;
}

function getQueue(name: QueueName): Queue {
  const producer = getProducer();
  let queue = producer.queues.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: producer.connection });
    queue.on("error", () => {}); // the connection's listener above reports it; the failing call throws UNAVAILABLE
    producer.queues.set(name, queue);
  }
  return queue;
}

function unavailable(message: string, cause?: unknown): AppError {
  const err = new AppError("UNAVAILABLE", message);
  if (cause !== undefined) (err as Error & { cause?: unknown }).cause = cause;
  return err;
}

/**
 * Runs one Redis operation with a deadline. When Redis is unreachable (not ready, or the operation fails
 * while the connection is down, or it takes too long) the producer is dropped, so a Queue whose start-up
 * failed is never reused, and the call throws AppError("UNAVAILABLE", unavailableMessage).
 */
async function withRedis<T>(op: () => Promise<T>, unavailableMessage = QUEUE_UNAVAILABLE_MESSAGE): Promise<T> {
  const producer = getProducer();
  if (!(await waitForReady(producer.connection, REDIS_WAIT_MS))) {
    await resetProducer();
    throw unavailable(unavailableMessage);
  }
  let timer: NodeJS.Timeout | undefined;
  const running = op();
  running.catch(() => {}); // if the deadline wins, the late rejection is expected
  try {
    return await Promise.race([
      running,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(unavailable(unavailableMessage)), REDIS_OP_TIMEOUT_MS);
      }),
    ]);
  } catch (e) {
    if (e instanceof AppError && e.code === "UNAVAILABLE") {
      await resetProducer();
      throw e;
    }
    if (producer.connection.status !== "ready") {
      await resetProducer();
      throw unavailable(unavailableMessage, e);
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

async function resetProducer() {
  const producer = g.spyglassProducer;
  if (!producer) return;
  g.spyglassProducer = undefined;
  await closeProducer(producer);
}

async function closeProducer(producer: Producer) {
  await Promise.allSettled([...producer.queues.values()].map((q) => q.close()));
  if (producer.connection.status === "ready") {
    await producer.connection.quit().catch(() => producer.connection.disconnect());
  } else {
    producer.connection.disconnect();
  }
}

/** Closes the queues and the producer connection (worker shutdown, tests). */
export async function closeQueues(): Promise<void> {
  await resetProducer();
}

/**
 * Throws AppError("UNAVAILABLE", unavailableMessage) unless Redis answers; for APIs that must not change
 * anything otherwise.
 */
export async function assertQueueAvailable(unavailableMessage = QUEUE_UNAVAILABLE_MESSAGE): Promise<void> {
  await withRedis(() => getProducer().connection.ping(), unavailableMessage);
}

/** The producer's Redis connection, for small reads such as worker heartbeats. */
export async function withProducerRedis<T>(fn: (redis: Redis) => Promise<T>): Promise<T> {
  return withRedis(() => fn(getProducer().connection));
}

// ---------------------------------------------------------------------------------------------------------
// One-off jobs

/**
 * Queues a refresh of every chart on the dashboard. Clicks while a refresh is waiting collapse into it;
 * a click while one is running queues exactly one more (it may be running on older chart definitions).
 */
export async function enqueueDashboardRefresh(dashboardId: string, trigger: "manual"): Promise<{ jobId: string }> {
  const payload = refreshDashboardPayload.parse({ dashboardId, trigger });
  const job = await withRedis(() =>
    getQueue(refreshDashboardJob.queue).add(refreshDashboardJob.name, payload, {
      ...refreshDashboardJob.options,
      // Someone is watching a manual refresh: its failures show at once rather than after backoff retries
      // (scheduled refreshes retry); clicking again is the retry.
      attempts: 1,
      deduplication: { id: `refresh-${dashboardId}`, keepLastIfActive: true },
    }),
  );
  return { jobId: String(job.id) };
}

/**
 * Queues "send now" for a subscription. Its scheduled time is fixed here, so retries reuse one Delivery.
 * While an earlier "send now" of the same subscription is still queued, running or waiting to be retried
 * (the SMTP server was down), a click runs that one now instead: a second job would email everyone a
 * second time once the first one's retry succeeded, and recipients the first attempt reached are not
 * emailed again by its retry.
 */
export async function enqueueDigestNow(subscriptionId: string): Promise<{ jobId: string; scheduledFor: string }> {
  const pending = await withRedis(async () => {
    const jobs = await getQueue(sendDigestJob.queue).getJobs(["delayed", "waiting", "prioritized", "active"]);
    const job = jobs.find((j) => j?.name === sendDigestJob.name && j.data?.trigger === "manual" && j.data?.subscriptionId === subscriptionId);
    if (job && (await job.isDelayed())) await job.promote();
    return job;
  }, DIGESTS_UNAVAILABLE_MESSAGE);
  if (pending?.id) return { jobId: pending.id, scheduledFor: String(pending.data.scheduledFor) };
  const scheduledFor = new Date().toISOString();
  const payload = sendDigestPayload.parse({ subscriptionId, trigger: "manual", scheduledFor });
  // One job per subscription and time, as for scheduled runs (whose ids come from their scheduler).
  const jobId = `digest-${subscriptionId}-${Date.parse(scheduledFor)}`;
  const job = await withRedis(
    () => getQueue(sendDigestJob.queue).add(sendDigestJob.name, payload, { ...sendDigestJob.options, jobId }),
    DIGESTS_UNAVAILABLE_MESSAGE,
  );
  return { jobId: String(job.id), scheduledFor };
}

// ---------------------------------------------------------------------------------------------------------
// Job schedulers, kept in step with the app DB

export const dashboardSchedulerId = (dashboardId: string) => `refresh:${dashboardId}`;
export const chartSchedulerId = (chartId: string) => `refresh-chart:${chartId}`;
export const subscriptionSchedulerId = (subscriptionId: string) => `digest:${subscriptionId}`;

export type ScheduleSyncAction = "upserted" | "unchanged" | "removed";

interface DesiredSchedule {
  repeat: { every: number } | { pattern: string; tz: string };
  data: Record<string, unknown>;
}

/** JSON with sorted keys, to compare what Redis holds with what we want. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Upserts the scheduler unless Redis already holds the same one. Leaving an unchanged scheduler alone
 * matters: upserting recomputes the next run from now, which would drop a run that came due while every
 * worker was down.
 */
async function applySchedule(
  def: JobDefinition,
  schedulerId: string,
  desired: DesiredSchedule | null,
): Promise<ScheduleSyncAction> {
  const queue = getQueue(def.queue);
  if (!desired) {
    await withRedis(() => queue.removeJobScheduler(schedulerId));
    return "removed";
  }
  const existing = await withRedis(() => queue.getJobScheduler(schedulerId));
  if (existing) {
    const sameRepeat =
      "every" in desired.repeat
        ? existing.every === desired.repeat.every && !existing.pattern
        : existing.pattern === desired.repeat.pattern && existing.tz === desired.repeat.tz && !existing.every;
    const existingOpts = existing.template?.opts as Record<string, unknown> | undefined;
    const sameOpts =
      !!existingOpts &&
      Object.entries(def.options).every(([k, v]) => stable(existingOpts[k]) === stable(v));
    if (existing.name === def.name && sameRepeat && sameOpts && stable(existing.template?.data) === stable(desired.data)) {
      return "unchanged";
    }
  }
  await withRedis(() =>
    queue.upsertJobScheduler(schedulerId, desired.repeat, { name: def.name, data: desired.data, opts: def.options }),
  );
  return "upserted";
}

function repeatOf(schedule: RefreshSchedule): DesiredSchedule["repeat"] | null {
  if (schedule.kind === "cron") return { pattern: schedule.cron, tz: schedule.timezone };
  if (schedule.kind === "interval") return { every: schedule.minutes * 60_000 };
  return null;
}

const DASHBOARD_SCHEDULE_SELECT = { id: true, refreshIntervalMinutes: true, refreshCron: true, refreshTimezone: true } as const;
type DashboardScheduleRow = { id: string; refreshIntervalMinutes: number; refreshCron: string | null; refreshTimezone: string };

function dashboardSchedule(d: DashboardScheduleRow | null): DesiredSchedule | null {
  const repeat = d && repeatOf(dashboardRefreshSchedule(d));
  if (!d || !repeat) return null;
  return { repeat, data: refreshDashboardPayload.parse({ dashboardId: d.id, trigger: "schedule" }) };
}

const CHART_SCHEDULE_SELECT = { id: true, refreshIntervalMinutes: true, refreshCron: true, refreshTimezone: true } as const;
type ChartScheduleRow = { id: string; refreshIntervalMinutes: number | null; refreshCron: string | null; refreshTimezone: string | null };

/** A chart gets its own scheduler only when it overrides its dashboards' schedule with one that runs. */
function chartSchedule(c: ChartScheduleRow | null): DesiredSchedule | null {
  const own = c && chartRefreshSchedule(c);
  const repeat = own && repeatOf(own);
  if (!c || !repeat) return null;
  return { repeat, data: refreshChartPayload.parse({ chartId: c.id, trigger: "schedule" }) };
}

function subscriptionSchedule(
  s: { id: string; cron: string; timezone: string; enabled: boolean } | null,
): DesiredSchedule | null {
  if (!s || !s.enabled) return null;
  return {
    repeat: { pattern: s.cron, tz: s.timezone },
    data: sendDigestPayload.parse({ subscriptionId: s.id, trigger: "schedule" }),
  };
}

/**
 * Makes the dashboard's refresh scheduler match the DB: its cron in its time zone when set, else every
 * refreshIntervalMinutes, or none when off or deleted.
 */
export async function syncDashboardSchedule(dashboardId: string): Promise<ScheduleSyncAction> {
  const d = await getDb().dashboard.findUnique({ where: { id: dashboardId }, select: DASHBOARD_SCHEDULE_SELECT });
  return applySchedule(refreshDashboardJob, dashboardSchedulerId(dashboardId), dashboardSchedule(d));
}

/** Makes the chart's own refresh scheduler match the DB: none when it follows its dashboards, is off, or is gone. */
export async function syncChartSchedule(chartId: string): Promise<ScheduleSyncAction> {
  const c = await getDb().chart.findUnique({ where: { id: chartId }, select: CHART_SCHEDULE_SELECT });
  return applySchedule(refreshChartJob, chartSchedulerId(chartId), chartSchedule(c));
}

/** Makes the subscription's digest scheduler match the DB: its cron in its time zone, or none when disabled or deleted. */
export async function syncSubscriptionSchedule(subscriptionId: string): Promise<ScheduleSyncAction> {
  const s = await getDb().subscription.findUnique({
    where: { id: subscriptionId },
    select: { id: true, cron: true, timezone: true, enabled: true },
  });
  return applySchedule(sendDigestJob, subscriptionSchedulerId(subscriptionId), subscriptionSchedule(s));
}

/** Removes one scheduler (e.g. when its job finds the dashboard or subscription gone). */
export async function removeScheduler(queue: QueueName, schedulerId: string): Promise<void> {
  await withRedis(() => getQueue(queue).removeJobScheduler(schedulerId));
}

/** What Redis holds for one job scheduler: its next run (ms), by scheduler id. */
export interface SchedulerState {
  queue: QueueName;
  next: number | null;
}

/** Every job scheduler on Spyglass's queues. Throws AppError("UNAVAILABLE") when Redis is unreachable. */
export async function listJobSchedulers(): Promise<Map<string, SchedulerState>> {
  const all = new Map<string, SchedulerState>();
  for (const queueName of ALL_QUEUES) {
    const schedulers = await withRedis(() => getQueue(queueName).getJobSchedulers(0, -1));
    for (const s of schedulers) all.set(s.key, { queue: queueName, next: typeof s.next === "number" ? s.next : null });
  }
  return all;
}

export interface SyncAllResult {
  upserted: number;
  unchanged: number;
  removed: number;
  errors: string[];
}

/**
 * Makes Redis hold exactly the schedulers the app DB describes: one per dashboard with a refresh schedule,
 * one per chart with a schedule of its own, one per enabled subscription; every other scheduler on our queues is removed. Safe to run from several
 * workers at once and as often as wanted.
 */
export async function syncAllSchedules(): Promise<SyncAllResult> {
  const db = getDb();
  const [dashboards, charts, subscriptions] = await Promise.all([
    db.dashboard.findMany({ select: DASHBOARD_SCHEDULE_SELECT }),
    db.chart.findMany({
      where: { OR: [{ refreshIntervalMinutes: { not: null } }, { refreshCron: { not: null } }] },
      select: CHART_SCHEDULE_SELECT,
    }),
    db.subscription.findMany({ select: { id: true, cron: true, timezone: true, enabled: true } }),
  ]);
  const result: SyncAllResult = { upserted: 0, unchanged: 0, removed: 0, errors: [] };
  const wanted = new Map<QueueName, Set<string>>(ALL_QUEUES.map((q) => [q, new Set<string>()]));

  const apply = async (def: JobDefinition, schedulerId: string, desired: DesiredSchedule | null) => {
    if (!desired) return; // removed below, with the orphans
    wanted.get(def.queue)!.add(schedulerId);
    try {
      const action = await applySchedule(def, schedulerId, desired);
      result[action] += 1;
    } catch (e) {
      if (e instanceof AppError && e.code === "UNAVAILABLE") throw e;
      result.errors.push(`${schedulerId}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  for (const d of dashboards) await apply(refreshDashboardJob, dashboardSchedulerId(d.id), dashboardSchedule(d));
  for (const c of charts) await apply(refreshChartJob, chartSchedulerId(c.id), chartSchedule(c));
  for (const s of subscriptions) await apply(sendDigestJob, subscriptionSchedulerId(s.id), subscriptionSchedule(s));

  for (const queueName of ALL_QUEUES) {
    const queue = getQueue(queueName);
    const existing = await withRedis(() => queue.getJobSchedulers(0, -1));
    for (const scheduler of existing) {
      if (wanted.get(queueName)!.has(scheduler.key)) continue;
      await withRedis(() => queue.removeJobScheduler(scheduler.key));
      result.removed += 1;
    }
  }
  return result;
}

export { QUEUES };
