// Server-side schedule checks with the same cron parser BullMQ's job schedulers use, so a schedule the
// API accepts is one the workers can run.
import { getNextMillis } from "bullmq";
import { createSubscriptionSchema, cronSchema, isValidTimeZone } from "./schemas";

/** Digests go out at most this often, so a typo such as "* 8 * * *" cannot mail a team every minute. */
export const MIN_DIGEST_GAP_MS = 60 * 60_000;

/** The next run times after `from`, in milliseconds. Throws on an invalid expression or time zone. */
export function nextRuns(cron: string, timezone: string, count: number, from = Date.now()): number[] {
  const runs: number[] = [];
  let t = from;
  for (let i = 0; i < count; i++) {
    const next = getNextMillis(t, { pattern: cron, tz: timezone });
    if (next === undefined) break;
    runs.push(next);
    t = next;
  }
  return runs;
}

/** Why the schedule cannot be used, or null when it is fine. */
export function cronProblem(cron: string, timezone: string): string | null {
  let runs: number[];
  try {
    runs = nextRuns(cron, timezone, 48);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return message.startsWith("CronDate") ? `Unknown time zone: ${timezone}` : `Invalid cron expression "${cron}": ${message}`;
  }
  if (runs.length === 0) return `The cron expression "${cron}" never runs.`;
  for (let i = 1; i < runs.length; i++) {
    if (runs[i] - runs[i - 1] < MIN_DIGEST_GAP_MS) return "A digest can go out at most once an hour.";
  }
  return null;
}

/** The next time the schedule fires, or null. */
export function nextRunAt(cron: string, timezone: string, from = Date.now()): Date | null {
  try {
    const [next] = nextRuns(cron, timezone, 1, from);
    return next === undefined ? null : new Date(next);
  } catch {
    return null;
  }
}

/** createSubscriptionSchema plus the full cron check; used by the API. */
export const createSubscriptionServerSchema = createSubscriptionSchema.superRefine((value, ctx) => {
  // A malformed expression or an unknown zone was already named by its field's own check; parsing it
  // again would add a second, misleading message ("at most once an hour" for a four-field cron).
  if (!cronSchema.safeParse(value.cron).success || !isValidTimeZone(value.timezone)) return;
  const problem = cronProblem(value.cron, value.timezone);
  if (problem) ctx.addIssue({ code: "custom", path: ["cron"], message: problem });
});
