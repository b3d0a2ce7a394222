// Runs one job in a worker: finds its definition, validates the payload again, derives the scheduled
// time of scheduler-made jobs, and calls the handler. A job that cannot be valid (unknown name, bad
// payload) fails permanently instead of being retried.
import { UnrecoverableError, type Job } from "bullmq";
import { findJobDefinition, type JobContext } from "./definitions";

/**
 * The time a scheduler-made job was scheduled for. BullMQ names such jobs `repeat:<schedulerId>:<millis>`
 * (both for cron patterns and for `every`); cron jobs also carry the millis as `opts.prevMillis`.
 */
export function scheduledTimeOf(job: Pick<Job, "id" | "repeatJobKey" | "opts">): Date | undefined {
  const key = job.repeatJobKey;
  if (key && job.id?.startsWith(`repeat:${key}:`)) {
    const millis = Number(job.id.slice(`repeat:${key}:`.length));
    if (Number.isSafeInteger(millis) && millis > 0) return new Date(millis);
  }
  if (key && typeof job.opts.prevMillis === "number") return new Date(job.opts.prevMillis);
  return undefined;
}

export async function processJob(job: Job, queueName: string): Promise<unknown> {
  const def = findJobDefinition(queueName, job.name);
  if (!def) throw new UnrecoverableError(`Unknown job "${job.name}" on queue ${queueName}.`);
  const parsed = def.schema.safeParse(job.data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ");
    throw new UnrecoverableError(`Invalid payload for ${job.name}: ${issues}`);
  }
  const ctx: JobContext = {
    jobId: job.id ?? "",
    scheduledAt: scheduledTimeOf(job),
    schedulerId: job.repeatJobKey,
    attempt: job.attemptsMade + 1,
    maxAttempts: job.opts.attempts ?? 1,
  };
  return def.handler(parsed.data, ctx);
}
