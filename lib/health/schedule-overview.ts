// Every schedule Spyglass runs (dashboard refreshes, chart overrides, digest subscriptions) with its last
// run, next run, last error and duration, and whether it is overdue: it should have run by now but has not
// (its next run is past by more than a grace period, or its job scheduler is missing from Redis). Read by
// the admin schedules page and the overdue banner admins see on every page.
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getWorkerHeartbeats, type WorkerHeartbeat } from "@/lib/jobs/heartbeat";
import { chartSchedulerId, dashboardSchedulerId, listJobSchedulers, subscriptionSchedulerId, type SchedulerState } from "@/lib/jobs/queues";
import { findRecipientUsers } from "@/lib/digests/recipient-users";
import { describeCron } from "@/lib/schedules/schemas";
import { chartRefreshSchedule, dashboardRefreshSchedule, describeRefreshSchedule, SCHEDULE_GRACE_MS } from "@/lib/schedules/refresh-schedule";

/** A run may start this late (workers busy, a resync in progress) before it counts as overdue. */
export const OVERDUE_GRACE_MS = SCHEDULE_GRACE_MS;

export type ScheduleKind = "dashboard" | "chart" | "subscription";

export interface ScheduleRow {
  kind: ScheduleKind;
  id: string;
  /** The dashboard, chart or subscription's dashboard title. */
  title: string;
  /** Where the admin can look at it. */
  href: string;
  /** A digest's recipients, so two digests of one dashboard can be told apart ("to a@x.com, Ada and 2 more · Slack"). */
  recipients: string | null;
  schedule: string;
  lastRunAt: string | null;
  lastStatus: string | null;
  lastError: string | null;
  /** What a run that succeeded noted (a digest sent, but not to everyone: "Unsubscribed: …"). */
  lastNote: string | null;
  lastDurationMs: number | null;
  /** From the job scheduler in Redis; null when it is missing or Redis is unreachable. */
  nextRunAt: string | null;
  /** Why the schedule is overdue, or null when it is not (or cannot be told while Redis is down). */
  overdue: string | null;
}

export interface ScheduleOverview {
  rows: ScheduleRow[];
  overdueCount: number;
  /** Set when Redis could not be read: next runs and overdue flags are then unknown. */
  redisError: string | null;
  /**
   * Workers with a live heartbeat (null while Redis cannot be read). None means nothing runs the schedules:
   * said at once, where "overdue" waits for a run to be 10 minutes late (up to 70 minutes for an hourly one).
   */
  workers: WorkerHeartbeat[] | null;
  checkedAt: string;
}

/** Why a schedule that should be running is overdue, or null. `scheduler` undefined means Redis lacks it. */
export function overdueReason(scheduler: SchedulerState | undefined, now: number, graceMs = OVERDUE_GRACE_MS): string | null {
  if (!scheduler) return "its job scheduler is missing from Redis";
  if (scheduler.next !== null && scheduler.next < now - graceMs) {
    const minutes = Math.floor((now - scheduler.next) / 60_000);
    return `it was due ${minutes} min ago and has not run (is a worker running?)`;
  }
  return null;
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

const RECIPIENTS_SHOWN = 3;

/** "to Ada, a@x.com and 2 more · Slack", or "Slack only". */
export function describeRecipients(userNames: string[], emails: string[], slack: boolean): string {
  const all = [...userNames, ...emails];
  const shown = all.slice(0, RECIPIENTS_SHOWN).join(", ");
  const more = all.length - RECIPIENTS_SHOWN;
  const to = all.length === 0 ? "" : `to ${shown}${more > 0 ? ` and ${more} more` : ""}`;
  if (!slack) return to || "nobody";
  return to ? `${to} · Slack` : "Slack only";
}

/** Every schedule with its last and next run. `now` is when "overdue" is judged (tests move it forward). */
export async function getScheduleOverview(opts: { now?: Date; graceMs?: number } = {}): Promise<ScheduleOverview> {
  const now = (opts.now ?? new Date()).getTime();
  const db = getDb();
  const [dashboards, charts, subscriptions] = await Promise.all([
    db.dashboard.findMany({
      where: { OR: [{ refreshIntervalMinutes: { gt: 0 } }, { refreshCron: { not: null } }] },
      orderBy: { title: "asc" },
      select: {
        id: true,
        title: true,
        refreshIntervalMinutes: true,
        refreshCron: true,
        refreshTimezone: true,
        refreshRuns: { orderBy: { startedAt: "desc" }, take: 1, select: { startedAt: true, status: true, error: true, durationMs: true } },
      },
    }),
    db.chart.findMany({
      where: { OR: [{ refreshIntervalMinutes: { not: null } }, { refreshCron: { not: null } }] },
      orderBy: { title: "asc" },
      select: {
        id: true,
        title: true,
        refreshIntervalMinutes: true,
        refreshCron: true,
        refreshTimezone: true,
        results: { where: { paramsKey: "" }, select: { lastAttemptAt: true, lastError: true, durationMs: true } },
      },
    }),
    db.subscription.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        cron: true,
        timezone: true,
        enabled: true,
        recipients: true,
        recipientUserIds: true,
        encryptedSlackWebhook: true,
        dashboard: { select: { id: true, title: true } },
        deliveries: { orderBy: { scheduledFor: "desc" }, take: 1, select: { scheduledFor: true, status: true, error: true, renderMs: true } },
      },
    }),
  ]);

  let schedulers: Map<string, SchedulerState> | null = null;
  let workers: WorkerHeartbeat[] | null = null;
  let redisError: string | null = null;
  try {
    schedulers = await listJobSchedulers();
    workers = await getWorkerHeartbeats();
  } catch (e) {
    if (!(e instanceof AppError && e.code === "UNAVAILABLE")) throw e;
    redisError = e.message;
  }
  const judge = (schedulerId: string, runs: boolean) => {
    if (!runs || !schedulers) return { nextRunAt: null, overdue: null };
    const s = schedulers.get(schedulerId);
    return { nextRunAt: s?.next ? new Date(s.next).toISOString() : null, overdue: overdueReason(s, now, opts.graceMs) };
  };

  const users = await findRecipientUsers([...new Set(subscriptions.flatMap((s) => s.recipientUserIds))]);
  const rows: ScheduleRow[] = [];
  for (const d of dashboards) {
    const last = d.refreshRuns[0];
    rows.push({
      kind: "dashboard",
      id: d.id,
      title: d.title,
      href: `/dashboards/${d.id}`,
      schedule: describeRefreshSchedule(dashboardRefreshSchedule(d)),
      lastRunAt: iso(last?.startedAt),
      lastStatus: last?.status ?? null,
      recipients: null,
      lastError: last?.error ?? null,
      lastNote: null,
      lastDurationMs: last?.durationMs ?? null,
      ...judge(dashboardSchedulerId(d.id), true),
    });
  }
  for (const c of charts) {
    const schedule = chartRefreshSchedule(c);
    const last = c.results[0];
    rows.push({
      kind: "chart",
      id: c.id,
      title: c.title,
      href: `/sql?chart=${c.id}`,
      schedule: schedule ? describeRefreshSchedule(schedule) : "Follows its dashboards",
      lastRunAt: iso(last?.lastAttemptAt),
      lastStatus: last?.lastAttemptAt ? (last.lastError ? "failed" : "succeeded") : null,
      recipients: null,
      lastError: last?.lastError ?? null,
      lastNote: null,
      // A ChartResult keeps the duration of its last good run; beside a failed attempt it would read as that attempt's.
      lastDurationMs: last?.lastAttemptAt && !last.lastError ? last.durationMs : null,
      ...judge(chartSchedulerId(c.id), schedule !== null && schedule.kind !== "off"),
    });
  }
  for (const s of subscriptions) {
    const last = s.deliveries[0];
    rows.push({
      kind: "subscription",
      id: s.id,
      title: s.dashboard.title,
      href: `/dashboards/${s.dashboard.id}`,
      schedule: s.enabled ? `${describeCron(s.cron)} (${s.timezone})` : "Paused",
      lastRunAt: iso(last?.scheduledFor),
      recipients: describeRecipients(
        s.recipientUserIds.map((id) => users.get(id)?.name ?? "a deleted user"),
        s.recipients,
        Boolean(s.encryptedSlackWebhook),
      ),
      lastStatus: last?.status ?? null,
      // A sent delivery's `error` holds notes (no SMTP server, someone unsubscribed), not a failure.
      lastError: last && last.status !== "sent" ? last.error : null,
      lastNote: last?.status === "sent" ? last.error : null,
      lastDurationMs: last?.renderMs ?? null,
      ...judge(subscriptionSchedulerId(s.id), s.enabled),
    });
  }
  return { rows, overdueCount: rows.filter((r) => r.overdue).length, redisError, workers, checkedAt: new Date(now).toISOString() };
}
