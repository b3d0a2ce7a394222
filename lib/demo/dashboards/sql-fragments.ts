// SQL pieces shared by the demo charts. Every chart is relative to the last day in the data, never to
// now(), so the demo reads the same whenever it is opened.

/**
 * CTE `bounds(last_week)`: Monday of the last complete ISO week (Monday to Sunday, UTC) in the data.
 * If the data ends on a Sunday that week is complete; otherwise it is the week before.
 */
export const BOUNDS = `bounds as (
  select (date_trunc('week', max(started_at) + interval '1 day') - interval '7 days')::date as last_week
  from demo.sessions
)`;

/** CTE `last_day(day)`: the last day with data. */
export const LAST_DAY = `last_day as (
  select max(started_at)::date as day from demo.sessions
)`;

/** The standard wording of the week used throughout the definitions. */
export const WEEK_NOTE = "Weeks are ISO weeks, Monday to Sunday, UTC; only complete weeks are shown.";

export const WAU_DEFINITION =
  "**Weekly active users**: distinct members with at least one session in the week (any client). Anonymous visitors are excluded.";

/**
 * CTE `month_bounds(last_month)`: the first day of the last complete calendar month (UTC) in the data.
 * If the data ends on a month's last day that month is complete; otherwise it is the month before.
 */
export const MONTH_BOUNDS = `month_bounds as (
  select (date_trunc('month', max(started_at) + interval '1 day') - interval '1 month')::date as last_month
  from demo.sessions
)`;

/** The standard wording of the month used throughout the definitions. */
export const MONTH_NOTE = "Months are calendar months, UTC; only complete months are shown.";
