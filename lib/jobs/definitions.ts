// Every background job in one place: its name, queue, payload schema, options and handler. Producers
// (lib/jobs/queues.ts) take names, queues, schemas and options from here; workers run the handlers through
// processJob (lib/jobs/process-job.ts), which validates the payload again first.
// Handlers import their domain code lazily, so the web app, which only produces jobs, never loads the
// browser or mail code.
import type { JobSchedulerTemplateOptions } from "bullmq";
import { z } from "zod";

export const QUEUES = {
  refresh: "spyglass-refresh",
  digest: "spyglass-digest",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const ALL_QUEUES: QueueName[] = [QUEUES.refresh, QUEUES.digest];

export interface JobContext {
  jobId: string;
  /** For jobs created by a job scheduler: the time the run was scheduled for (not when it started). */
  scheduledAt?: Date;
  /** The scheduler that created the job, if any. */
  schedulerId?: string;
  /** 1 on the first attempt. */
  attempt: number;
  /** How many attempts the job has in all (its `attempts` option); the last one should not ask for a retry. */
  maxAttempts: number;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  queue: QueueName;
  schema: S;
  /** Used for one-off jobs and as the template of scheduled ones. */
  options: JobSchedulerTemplateOptions;
  handler(payload: z.infer<S>, ctx: JobContext): Promise<unknown>;
}

function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

const keepFinished = {
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 5000 },
} satisfies JobSchedulerTemplateOptions;

const id = z.string().min(1).max(64);

export const refreshDashboardPayload = z.object({
  dashboardId: id,
  trigger: z.enum(["schedule", "manual"]),
});

/**
 * Thrown by a refresh attempt whose charts failed while attempts remain, so BullMQ retries the job with
 * backoff; the next attempt re-runs only the charts that failed.
 */
class ChartsFailedError extends Error {
  override name = "ChartsFailedError";
}

/**
 * Runs every chart of a dashboard and caches the results. A chart whose query fails is retried with the
 * job (3 attempts, exponential backoff) before it is left marked failed; the last attempt records the
 * failure instead of throwing.
 */
export const refreshDashboardJob = defineJob({
  name: "refresh-dashboard",
  queue: QUEUES.refresh,
  schema: refreshDashboardPayload,
  options: { attempts: 3, backoff: { type: "exponential", delay: 10_000 }, ...keepFinished },
  async handler(payload, ctx) {
    const { refreshDashboard } = await import("@/lib/refresh/refresh-dashboard");
    const { AppError } = await import("@/lib/errors");
    if (payload.trigger === "schedule") {
      // Left to the next re-sync to remove (removing it here could race with a schedule switched on again).
      const { dashboardRefreshesOn } = await import("@/lib/refresh/scheduled-refresh-on");
      if ((await dashboardRefreshesOn(payload.dashboardId)) === false) return { skipped: "the dashboard's refreshes are off" };
    }
    try {
      const run = await refreshDashboard(payload.dashboardId, payload.trigger, { attempt: ctx.attempt, maxAttempts: ctx.maxAttempts });
      if (run.willRetry) throw new ChartsFailedError(run.error ?? "Some charts failed.");
      return { refreshRunId: run.id, status: run.status, failed: run.failedCharts, charts: run.totalCharts, attempt: ctx.attempt };
    } catch (e) {
      if (e instanceof AppError && e.code === "NOT_FOUND") {
        // The dashboard was deleted: its schedule has nothing left to do.
        if (ctx.schedulerId) await (await import("./queues")).removeScheduler(QUEUES.refresh, ctx.schedulerId);
        return { skipped: "dashboard not found" };
      }
      throw e;
    }
  },
});

export const refreshChartPayload = z.object({
  chartId: id,
  trigger: z.enum(["schedule", "manual"]),
});

/**
 * Runs one chart that has a refresh schedule of its own and caches its result; a failed query is retried
 * like a dashboard's charts, then recorded on the result.
 */
export const refreshChartJob = defineJob({
  name: "refresh-chart",
  queue: QUEUES.refresh,
  schema: refreshChartPayload,
  options: { attempts: 3, backoff: { type: "exponential", delay: 10_000 }, ...keepFinished },
  async handler(payload, ctx) {
    const { refreshChart } = await import("@/lib/refresh/refresh-dashboard");
    const { AppError } = await import("@/lib/errors");
    if (payload.trigger === "schedule") {
      const { chartOwnRefreshesOn } = await import("@/lib/refresh/scheduled-refresh-on");
      if ((await chartOwnRefreshesOn(payload.chartId)) === false) return { skipped: "the chart has no schedule of its own that runs" };
    }
    try {
      const outcome = await refreshChart(payload.chartId);
      if (!outcome.ok && ctx.attempt < ctx.maxAttempts) throw new ChartsFailedError(`${outcome.title}: ${outcome.error}`);
      return { ok: outcome.ok, error: outcome.error, rowCount: outcome.rowCount, durationMs: outcome.durationMs };
    } catch (e) {
      if (e instanceof AppError && e.code === "NOT_FOUND") {
        if (ctx.schedulerId) await (await import("./queues")).removeScheduler(QUEUES.refresh, ctx.schedulerId);
        return { skipped: "chart not found" };
      }
      throw e;
    }
  },
});

export const sendDigestPayload = z.discriminatedUnion("trigger", [
  // Scheduled runs take their scheduled time from the job scheduler (JobContext.scheduledAt).
  z.object({ subscriptionId: id, trigger: z.literal("schedule") }),
  // "Send now" fixes its time when it is enqueued, so its retries map to the same Delivery.
  z.object({ subscriptionId: id, trigger: z.literal("manual"), scheduledFor: z.iso.datetime() }),
]);

/** Renders a dashboard and emails it to a subscription's recipients, at most once per scheduled time. */
export const sendDigestJob = defineJob({
  name: "send-digest",
  queue: QUEUES.digest,
  schema: sendDigestPayload,
  // Renders and SMTP servers fail transiently; retry for about half an hour (1, 2, 4, 8, 16 min).
  options: { attempts: 6, backoff: { type: "exponential", delay: 60_000 }, ...keepFinished },
  async handler(payload, ctx) {
    const { runDigest } = await import("@/lib/digests/run-digest");
    const { AppError } = await import("@/lib/errors");
    const { UnrecoverableError } = await import("bullmq");
    let scheduledFor: Date;
    if (payload.trigger === "manual") {
      scheduledFor = new Date(payload.scheduledFor);
    } else if (ctx.scheduledAt) {
      scheduledFor = ctx.scheduledAt;
    } else {
      throw new UnrecoverableError("A scheduled digest job must come from a job scheduler (no scheduled time).");
    }
    try {
      return await runDigest({ subscriptionId: payload.subscriptionId, scheduledFor, trigger: payload.trigger });
    } catch (e) {
      if (e instanceof AppError && e.code === "NOT_FOUND") {
        if (ctx.schedulerId) await (await import("./queues")).removeScheduler(QUEUES.digest, ctx.schedulerId);
        return { status: "skipped", reason: "subscription not found" };
      }
      throw e;
    }
  },
});

export const jobDefinitions: JobDefinition[] = [refreshDashboardJob, refreshChartJob, sendDigestJob] as JobDefinition[];

export function findJobDefinition(queue: string, name: string): JobDefinition | undefined {
  return jobDefinitions.find((d) => d.queue === queue && d.name === name);
}
