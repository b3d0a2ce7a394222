// When cached data is too old for the schedule meant to refresh it: the one rule behind the tile's
// "late" mark, filtered results (lib/dashboard-filters/freshness.ts), a digest's "refresh first when
// stale" and the share image's re-render. Cron times come from the parser BullMQ's job schedulers use.
import { nextRuns } from "./cron";
import { SCHEDULE_GRACE_MS, type RefreshSchedule } from "./refresh-schedule";

/**
 * The instant from which data computed at `computedAt` is stale, or null when the schedule never makes
 * it stale (refreshes off, or a cron that never fires again).
 * - every N minutes: N minutes after it was computed, plus the grace (at most half the interval): the next
 *   run starts about N minutes after the last one did and needs its own time to finish, so without grace
 *   every tile read "late" for a moment each hour whenever a refresh took longer than the one before;
 * - a cron in a time zone: the first fire after it was computed, plus the grace a scheduled run has to
 *   start and finish (SCHEDULE_GRACE_MS, as for "overdue"); that is, data is stale once a run that should
 *   have replaced it is past due.
 * A caller that wants the schedule's own age (a digest refreshing first) passes a grace of 0.
 */
export function staleAfter(schedule: RefreshSchedule, computedAt: Date, graceMs = SCHEDULE_GRACE_MS): Date | null {
  if (schedule.kind === "off") return null;
  if (schedule.kind === "interval") {
    const intervalMs = schedule.minutes * 60_000;
    return new Date(computedAt.getTime() + intervalMs + Math.min(graceMs, intervalMs / 2));
  }
  let fire: number | undefined;
  try {
    [fire] = nextRuns(schedule.cron, schedule.timezone, 1, computedAt.getTime());
  } catch {
    return null; // an expression the API would refuse; the scheduler cannot run it either
  }
  return fire === undefined ? null : new Date(fire + graceMs);
}

/** Whether data computed at `computedAt` is older than its schedule allows at `now`. Missing data is stale. */
export function isStaleForSchedule(schedule: RefreshSchedule, computedAt: Date | null, now: Date, graceMs = SCHEDULE_GRACE_MS): boolean {
  if (computedAt === null) return true;
  const due = staleAfter(schedule, computedAt, graceMs);
  return due !== null && now.getTime() >= due.getTime();
}
