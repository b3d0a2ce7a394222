// Refresh schedules of dashboards and charts: the shapes the API accepts and the UI offers, and how the
// DB's columns read as one schedule. Browser-safe (no server imports); the API adds the cron check from
// lib/schedules/refresh-cron.ts, which uses the same parser as BullMQ's job schedulers.
import { z } from "zod";
import { cronSchema, timeZoneSchema } from "./schemas";

/** Interval presets offered in the UI, in minutes. */
export const REFRESH_INTERVAL_PRESETS = [15, 30, 60, 120, 240, 360, 720, 1440] as const;
export const MIN_REFRESH_MINUTES = 5;
export const MAX_REFRESH_MINUTES = 7 * 1440;
/**
 * A scheduled run may start this late (workers busy, a resync in progress) before it counts as missed: the
 * admin page's "overdue" and the "stale" of cached data behind a cron schedule both allow it.
 */
export const SCHEDULE_GRACE_MS = 10 * 60_000;

/** One schedule: every N minutes, a cron expression in a time zone, or off. */
export type RefreshSchedule =
  | { kind: "interval"; minutes: number }
  | { kind: "cron"; cron: string; timezone: string }
  | { kind: "off" };

export const refreshMinutesSchema = z
  .number({ error: "The interval is a whole number of minutes." })
  .int("The interval is a whole number of minutes.")
  .min(0)
  .max(MAX_REFRESH_MINUTES, "Refresh at least once a week, or turn refreshes off.")
  .refine((m) => m === 0 || m >= MIN_REFRESH_MINUTES, `Refresh at most every ${MIN_REFRESH_MINUTES} minutes, or turn refreshes off.`);

/**
 * The minutes typed as a custom interval, or why they cannot be saved. Checked before saving because a
 * dashboard stores "off" as interval 0: an emptied field (Number("") is 0) or a 0 was saved as off, and
 * the dashboard silently stopped refreshing.
 */
export function parseCustomMinutes(text: string): { minutes: number } | { error: string } {
  const t = text.trim();
  const minutes = Number(t);
  if (t === "" || !Number.isInteger(minutes)) return { error: "Enter a whole number of minutes." };
  if (minutes < MIN_REFRESH_MINUTES) return { error: `Refresh at most every ${MIN_REFRESH_MINUTES} minutes; choose "Off" to stop refreshing.` };
  if (minutes > MAX_REFRESH_MINUTES) return { error: "Refresh at least once a week, or turn refreshes off." };
  return { minutes };
}

/** A dashboard's schedule: the interval (0 = off), and a cron expression that replaces it when set. */
export function dashboardRefreshSchedule(d: { refreshIntervalMinutes: number; refreshCron: string | null; refreshTimezone: string }): RefreshSchedule {
  if (d.refreshCron) return { kind: "cron", cron: d.refreshCron, timezone: d.refreshTimezone || "UTC" };
  if (d.refreshIntervalMinutes > 0) return { kind: "interval", minutes: d.refreshIntervalMinutes };
  return { kind: "off" };
}

/** A chart's own schedule, or null when it follows its dashboards'. */
export function chartRefreshSchedule(c: {
  refreshIntervalMinutes: number | null;
  refreshCron: string | null;
  refreshTimezone: string | null;
}): RefreshSchedule | null {
  if (c.refreshCron) return { kind: "cron", cron: c.refreshCron, timezone: c.refreshTimezone || "UTC" };
  if (c.refreshIntervalMinutes === null) return null;
  return c.refreshIntervalMinutes > 0 ? { kind: "interval", minutes: c.refreshIntervalMinutes } : { kind: "off" };
}

/** The schedule a chart's data follows on a dashboard: the chart's own when it has one, else the dashboard's. */
export function effectiveRefreshSchedule(
  dashboard: { refreshIntervalMinutes: number; refreshCron: string | null; refreshTimezone: string },
  chart?: { refreshIntervalMinutes: number | null; refreshCron: string | null; refreshTimezone: string | null } | null,
): RefreshSchedule {
  return (chart && chartRefreshSchedule(chart)) ?? dashboardRefreshSchedule(dashboard);
}

/** True when the chart has its own schedule (including "off"), so dashboard refreshes leave it alone. */
export function hasOwnRefreshSchedule(c: { refreshIntervalMinutes: number | null; refreshCron: string | null }): boolean {
  return c.refreshCron !== null || c.refreshIntervalMinutes !== null;
}

function plural(n: number, unit: string) {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** "Every hour", "Every 15 minutes", "Every 6 hours", "Cron 0 8 * * 1-5 (Europe/Paris)", "Off". */
export function describeRefreshSchedule(s: RefreshSchedule): string {
  if (s.kind === "off") return "Off";
  if (s.kind === "cron") return `Cron ${s.cron} (${s.timezone})`;
  const m = s.minutes;
  if (m === 60) return "Every hour";
  if (m === 1440) return "Every day";
  if (m % 1440 === 0) return `Every ${plural(m / 1440, "day")}`;
  if (m % 60 === 0) return `Every ${plural(m / 60, "hour")}`;
  return `Every ${plural(m, "minute")}`;
}

/**
 * The schedule fields of a dashboard PATCH. Setting `refreshCron` to null returns to the interval; off is
 * `refreshIntervalMinutes: 0` with no cron.
 */
export const dashboardScheduleFields = {
  refreshIntervalMinutes: refreshMinutesSchema.optional(),
  refreshCron: cronSchema.nullable().optional(),
  refreshTimezone: timeZoneSchema.optional(),
};

/** A chart's schedule override: follow the dashboard, every N minutes, a cron in a time zone, or off. */
export const chartScheduleSchema = z.discriminatedUnion(
  "mode",
  [
    z.object({ mode: z.literal("dashboard") }),
    z.object({ mode: z.literal("interval"), minutes: refreshMinutesSchema.refine((m) => m > 0, "Use mode \"off\" to stop refreshing.") }),
    z.object({ mode: z.literal("cron"), cron: cronSchema, timezone: timeZoneSchema.default("UTC") }),
    z.object({ mode: z.literal("off") }),
  ],
  { error: () => 'The schedule mode is one of: "dashboard", "interval", "cron", "off".' },
);
export type ChartScheduleInput = z.infer<typeof chartScheduleSchema>;

/** The Chart columns a chart schedule input stands for. */
export function chartScheduleColumns(input: ChartScheduleInput): {
  refreshIntervalMinutes: number | null;
  refreshCron: string | null;
  refreshTimezone: string | null;
} {
  switch (input.mode) {
    case "dashboard":
      return { refreshIntervalMinutes: null, refreshCron: null, refreshTimezone: null };
    case "interval":
      return { refreshIntervalMinutes: input.minutes, refreshCron: null, refreshTimezone: null };
    case "cron":
      return { refreshIntervalMinutes: null, refreshCron: input.cron, refreshTimezone: input.timezone };
    case "off":
      return { refreshIntervalMinutes: 0, refreshCron: null, refreshTimezone: null };
  }
}
