// Date-range presets of dashboard filters, resolved to dates against a given "today". Pure and browser-safe.
//
// Two shapes of a range, kept apart on purpose:
// - what a person sees and picks (a custom range in the date pickers and in the URL) is inclusive:
//   { start: "2024-01-01", end: "2024-01-31" } is January;
// - what a chart gets bound to {{name.start}} / {{name.end}} is half-open, [start, end): end is the first
//   day after the range, so SQL reads `day >= {{period.start}} and day < {{period.end}}` and works the same
//   for dates and timestamps.
// Days are calendar days in UTC, as everywhere else in Spyglass (lib/charts/time.ts).

export const DATE_RANGE_PRESETS = ["last_7_days", "last_30_days", "last_90_days", "this_week", "last_5_weeks"] as const;
export type DateRangePreset = (typeof DATE_RANGE_PRESETS)[number];

/** A custom range as picked: both days included. */
export interface CustomDateRange {
  start: string;
  end: string;
}

/** A date-range filter's value: a preset, or a custom range (inclusive). */
export type DateRangeValue = DateRangePreset | CustomDateRange;

/** What a chart's date_range parameter is bound to: `end` is excluded. */
export interface BoundDateRange {
  start: string;
  end: string;
}

export const PRESET_LABELS: Record<DateRangePreset | "custom", string> = {
  last_7_days: "Last 7 days",
  last_30_days: "Last 30 days",
  last_90_days: "Last 90 days",
  this_week: "This week",
  last_5_weeks: "Last 5 weeks",
  custom: "Custom range",
};

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDateRangePreset(v: unknown): v is DateRangePreset {
  return typeof v === "string" && (DATE_RANGE_PRESETS as readonly string[]).includes(v);
}

/** True for a real calendar day written YYYY-MM-DD ("2024-02-30" is not one). */
export function isIsoDay(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Days since 1970-01-01 of a YYYY-MM-DD day. */
function dayNumber(day: string): number {
  if (!isIsoDay(day)) throw new Error(`Not a date (YYYY-MM-DD): ${day}`);
  const m = ISO_DAY.exec(day)!;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayString(dayNumber(day) + days);
}

/** The UTC calendar day of an instant, YYYY-MM-DD. */
export function utcDay(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The Monday that starts the ISO week of `day`. */
export function isoWeekStart(day: string): string {
  const n = dayNumber(day);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday = 0.
  const weekday = (((n + 3) % 7) + 7) % 7;
  return dayString(n - weekday);
}

/**
 * The half-open range a value covers, relative to `today` (YYYY-MM-DD, UTC):
 * - last_N_days: the N days ending with today, today included;
 * - this_week: Monday to Sunday of today's ISO week;
 * - last_5_weeks: the five complete ISO weeks before this one;
 * - a custom range: its days, both ends included.
 */
export function resolveDateRange(value: DateRangeValue, today: string): BoundDateRange {
  const tomorrow = addDays(today, 1);
  switch (value) {
    case "last_7_days":
      return { start: addDays(today, -6), end: tomorrow };
    case "last_30_days":
      return { start: addDays(today, -29), end: tomorrow };
    case "last_90_days":
      return { start: addDays(today, -89), end: tomorrow };
    case "this_week": {
      const monday = isoWeekStart(today);
      return { start: monday, end: addDays(monday, 7) };
    }
    case "last_5_weeks": {
      const monday = isoWeekStart(today);
      return { start: addDays(monday, -35), end: monday };
    }
    default:
      return { start: value.start, end: addDays(value.end, 1) };
  }
}

/** The first and last day (both included) a value covers, for showing to people. */
export function displayedDays(value: DateRangeValue, today: string): { first: string; last: string } {
  const { start, end } = resolveDateRange(value, today);
  return { first: start, last: addDays(end, -1) };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mar 4 – Mar 10, 2024", or "Dec 30, 2023 – Jan 5, 2024" across years; built by hand so server and browser agree. */
export function describeDays(first: string, last: string): string {
  const [fy, fm, fd] = first.split("-").map(Number);
  const [ly, lm, ld] = last.split("-").map(Number);
  const f = `${MONTHS[fm - 1]} ${fd}`;
  const l = `${MONTHS[lm - 1]} ${ld}, ${ly}`;
  if (first === last) return l;
  return fy === ly ? `${f} – ${l}` : `${f}, ${fy} – ${l}`;
}
