// Dates and timestamps from query results as epoch milliseconds, the grain of a time series, and date labels.
// Values without a time zone (date, timestamp) are read as UTC and charts are drawn with useUTC, so a
// wall-clock "2024-01-05 09:00" shows as 09:00 on every machine; timestamptz values (ending in Z or an
// offset) show in UTC. Labels are built by hand (not Intl) so server, browsers and the snapshot renderer
// print the same text whatever their locale or time zone.
import type { VizConfig } from "./types";

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

export function toEpochMs(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone] = m;
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, "0")) : 0;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (zone && zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0");
    t -= sign * offsetMin * 60_000;
  }
  return Number.isNaN(t) ? null : t;
}

/** The step of a regular time series. */
export type DateGrain = "day" | "week" | "month" | "quarter" | "year";
/** How a date is labelled (the chart setting minus "auto"). */
export type DateLabelFormat = Exclude<NonNullable<VizConfig["dateFormat"]>, "auto">;

export const DAY_MS = 86_400_000;
const MONTHS_PER_STEP = { month: 1, quarter: 3, year: 12 } as const;

/**
 * The grain of a series from its sorted distinct times: the smallest step between them, if it is a day,
 * week, month, quarter or year and every time lies a whole number of steps from the first (so filling the
 * missing steps lands exactly on the existing ones). null for irregular or sub-daily series.
 */
export function inferGrain(sorted: readonly number[]): DateGrain | null {
  if (sorted.length < 2) return null;
  let step = Infinity;
  for (let i = 1; i < sorted.length; i++) step = Math.min(step, sorted[i] - sorted[i - 1]);
  const first = sorted[0];
  if (step === DAY_MS || step === 7 * DAY_MS) {
    return sorted.every((t) => (t - first) % step === 0) ? (step === DAY_MS ? "day" : "week") : null;
  }
  const days = step / DAY_MS;
  const grain: DateGrain | null = days >= 28 && days <= 31 ? "month" : days >= 89 && days <= 92 ? "quarter" : days >= 365 && days <= 366 ? "year" : null;
  if (!grain) return null;
  // Calendar steps: every time must sit on the same day of the month and time of day as the first; days
  // past the 28th are refused because adding a month to them overflows into the next one.
  const f = new Date(first);
  if (f.getUTCDate() > 28) return null;
  const months = MONTHS_PER_STEP[grain];
  const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
  const timeOfDay = (t: number) => ((t % DAY_MS) + DAY_MS) % DAY_MS;
  const aligned = sorted.every((t) => {
    const d = new Date(t);
    return d.getUTCDate() === f.getUTCDate() && timeOfDay(t) === timeOfDay(first) && (monthIndex(d) - monthIndex(f)) % months === 0;
  });
  return aligned ? grain : null;
}

/** `t` moved by `n` steps of `grain` (calendar months for month, quarter and year). */
export function addGrain(t: number, grain: DateGrain, n = 1): number {
  if (grain === "day") return t + n * DAY_MS;
  if (grain === "week") return t + n * 7 * DAY_MS;
  const d = new Date(t);
  d.setUTCMonth(d.getUTCMonth() + n * MONTHS_PER_STEP[grain]);
  return d.getTime();
}

/** Every step from `first` to `last` inclusive, or null when there would be more than `cap` of them. */
export function stepsBetween(first: number, last: number, grain: DateGrain, cap: number): number[] | null {
  const steps: number[] = [];
  for (let t = first; t <= last; t = addGrain(t, grain)) {
    if (steps.length >= cap) return null;
    steps.push(t);
  }
  return steps;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad2 = (n: number) => String(n).padStart(2, "0");

/** "Jan 5, 2024", "Week of Jan 5", "Jan 2024", "Q1 2024", "2024", "Jan 5, 2024 09:30" (UTC). */
export function formatDate(t: number, format: DateLabelFormat): string {
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return String(t);
  const y = d.getUTCFullYear();
  const mon = MONTHS[d.getUTCMonth()];
  const day = d.getUTCDate();
  switch (format) {
    case "day":
      return `${mon} ${day}, ${y}`;
    case "week":
      return `Week of ${mon} ${day}`;
    case "month":
      return `${mon} ${y}`;
    case "quarter":
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${y}`;
    case "year":
      return String(y);
    case "datetime":
      return `${mon} ${day}, ${y} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  }
}

/**
 * The label format for "auto" where ECharts does not choose one (tooltip headers, cohort rows): by the
 * series' grain; a week reads as its first day, with the year. Irregular series show the time of day
 * unless every value is at midnight.
 */
export function autoDateFormat(grain: DateGrain | null, times: readonly number[]): DateLabelFormat {
  if (grain === "week") return "day";
  if (grain) return grain;
  return times.every((t) => t % DAY_MS === 0) ? "day" : "datetime";
}

/** The smallest interval between time-axis ticks so labels of a coarse format do not repeat. */
export function minIntervalOf(format: DateLabelFormat): number | undefined {
  switch (format) {
    case "day":
      return DAY_MS;
    case "week":
      return 7 * DAY_MS;
    case "month":
      return 28 * DAY_MS;
    case "quarter":
      return 90 * DAY_MS;
    case "year":
      return 365 * DAY_MS;
    default:
      return undefined;
  }
}
