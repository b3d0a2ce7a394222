// When a chart result cached for filter values must be computed again. Pure.
import { isStaleForSchedule } from "@/lib/schedules/data-freshness";
import type { RefreshSchedule } from "@/lib/schedules/refresh-schedule";

/** A failed filtered run is served as failed for this long before a request tries it again. */
export const FAILED_RUN_RETRY_MS = 60_000;

interface ResultTimes {
  computedAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
}

/**
 * Whether a filtered result must be computed again. It is fresh while its schedule (the chart's own, else
 * the dashboard's) does not make it stale (lib/schedules/data-freshness.ts; no limit when refreshes are
 * off), newer than the chart's last edit and not older than
 * the chart's default result (a refresh, scheduled or asked for, makes every filtered result of the chart
 * stale). A failed attempt is not retried for a minute, so a failing chart is not run on every request.
 */
export function needsRun(
  row: ResultTimes | undefined | null,
  ctx: { chartUpdatedAt: Date; defaultComputedAt: Date | null; schedule: RefreshSchedule; now: Date },
): boolean {
  if (!row) return true;
  const now = ctx.now.getTime();
  if (row.lastError) {
    const attempted = row.lastAttemptAt?.getTime() ?? 0;
    return !(now - attempted < FAILED_RUN_RETRY_MS && attempted >= ctx.chartUpdatedAt.getTime());
  }
  if (!row.computedAt) return true;
  const computed = row.computedAt.getTime();
  if (computed < ctx.chartUpdatedAt.getTime()) return true;
  if (ctx.defaultComputedAt && computed < ctx.defaultComputedAt.getTime()) return true;
  return isStaleForSchedule(ctx.schedule, row.computedAt, ctx.now);
}
