// Starts BullMQ workers for Spyglass's queues in this process. Used by workers/main.ts and by tests that
// need jobs processed for real. The web process never calls this.
import { Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { ALL_QUEUES, type QueueName } from "@/lib/jobs/definitions";
import { createWorkerConnection } from "@/lib/jobs/connection";
import { processJob } from "@/lib/jobs/process-job";
import { getRuntimeEnv } from "@/lib/env";

export interface RunningWorkers {
  workers: Worker[];
  connection: Redis;
  /** Stops taking jobs, waits for the running ones, then closes the connection. */
  close(): Promise<void>;
}

export type LogLine = (line: string) => void;

function describe(job: Job | undefined): string {
  if (!job) return "job ?";
  const scheduled = job.repeatJobKey ? ` scheduler=${job.repeatJobKey}` : "";
  return `${job.queueName}/${job.name} #${job.id}${scheduled} attempt ${Math.max(job.attemptsStarted, 1)}/${job.opts.attempts ?? 1}`;
}

export function startWorkers(opts: { concurrency: number; queues?: QueueName[]; log?: LogLine }): RunningWorkers {
  const log = opts.log ?? ((line: string) => console.log(line));
  const connection = createWorkerConnection();
  // ioredis reports every failed reconnection attempt; log an outage once a minute at most.
  let lastRedisError = 0;
  connection.on("error", (e) => {
    if (Date.now() - lastRedisError < 60_000) return;
    lastRedisError = Date.now();
    log(`[worker] redis: ${e.message} (retrying)`);
  });
  connection.on("ready", () => {
    if (lastRedisError) log("[worker] redis: connected");
    lastRedisError = 0;
  });
  const started = new Map<string, number>();
  const workers = (opts.queues ?? ALL_QUEUES).map((queueName) => {
    const worker = new Worker(queueName, (job) => processJob(job, queueName), {
      connection,
      concurrency: opts.concurrency,
      // The lock is renewed while a job runs; a crashed worker's job is taken over once its lock lapsed
      // (checked as often). A job may be taken over twice before it fails as "stalled".
      lockDuration: getRuntimeEnv().JOB_LOCK_MS,
      stalledInterval: getRuntimeEnv().JOB_LOCK_MS,
      maxStalledCount: 2,
    });
    worker.on("active", (job) => {
      started.set(`${queueName}:${job.id}`, Date.now());
      log(`[job] start ${describe(job)}`);
    });
    worker.on("completed", (job, result) => {
      const t = started.get(`${queueName}:${job.id}`);
      started.delete(`${queueName}:${job.id}`);
      const summary = result === undefined ? "" : ` ${JSON.stringify(result).slice(0, 300)}`;
      log(`[job] done ${describe(job)} in ${t ? Date.now() - t : "?"} ms${summary}`);
    });
    worker.on("failed", (job, err) => {
      const t = job ? started.get(`${queueName}:${job.id}`) : undefined;
      if (job) started.delete(`${queueName}:${job.id}`);
      const willRetry = job && job.opts.attempts && job.attemptsMade < job.opts.attempts && err.name !== "UnrecoverableError";
      const message = err.message.replace(/\s+/g, " ").slice(0, 1000);
      log(`[job] failed ${describe(job)} after ${t ? Date.now() - t : "?"} ms${willRetry ? " (will retry)" : " (giving up)"}: ${message}`);
    });
    worker.on("error", (err) => {
      // Connection errors are already reported (throttled) by the connection's listener.
      if (Date.now() - lastRedisError < 60_000) return;
      log(`[worker] ${queueName}: ${err.message}`);
    });
    return worker;
  });
  return {
    workers,
    connection,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
