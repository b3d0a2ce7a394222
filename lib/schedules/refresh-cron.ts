// Server-side checks of refresh cron expressions, with the parser BullMQ's job schedulers use (through
// nextRuns), so an expression the API accepts is one the workers can run.
import { AppError } from "@/lib/errors";
import { nextRuns } from "./cron";
import { MIN_REFRESH_MINUTES } from "./refresh-schedule";

/** Why the refresh cron cannot be used, or null when it is fine. */
export function refreshCronProblem(cron: string, timezone: string): string | null {
  let runs: number[];
  try {
    runs = nextRuns(cron, timezone, 24);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return message.startsWith("CronDate") ? `Unknown time zone: ${timezone}` : `Invalid cron expression "${cron}": ${message}`;
  }
  if (runs.length === 0) return `The cron expression "${cron}" never runs.`;
  for (let i = 1; i < runs.length; i++) {
    if (runs[i] - runs[i - 1] < MIN_REFRESH_MINUTES * 60_000) return `Refresh at most every ${MIN_REFRESH_MINUTES} minutes: "${cron}" runs more often.`;
  }
  return null;
}

/** The next `count` run times as ISO strings, or the problem with the expression. */
export function previewRefreshCron(cron: string, timezone: string, count = 3): { runs: string[] } | { error: string } {
  const problem = refreshCronProblem(cron, timezone);
  if (problem) return { error: problem };
  return { runs: nextRuns(cron, timezone, count).map((t) => new Date(t).toISOString()) };
}

/** Throws AppError("INVALID") naming the problem when a refresh cron cannot be used. */
export function assertRefreshCron(cron: string, timezone: string): void {
  const problem = refreshCronProblem(cron, timezone);
  if (problem) throw new AppError("INVALID", problem, { field: "refreshCron" });
}
