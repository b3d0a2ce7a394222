// The demo's fixed calendar: two years of days ending on a fixed Sunday, so the data never depends on
// when it was generated. Days are integers (0 = the first Monday); timestamps are UTC.

export const START_DATE = "2024-11-25"; // a Monday
export const END_DATE = "2026-11-22"; // a Sunday: the last day with data
export const DAYS = 728; // 104 complete weeks
export const WEEKS = DAYS / 7;
/** Targets are planned a few weeks past the data, as a real plan would be. */
export const PLAN_DAYS = DAYS + 6 * 7;
/** "Never" for day columns held in Int16Arrays. */
export const NEVER = 32767;

const START_MS = Date.UTC(2024, 10, 25);
const DAY_MS = 86_400_000;

export function dayIndex(isoDate: string): number {
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - START_MS) / DAY_MS);
}

/** Launch of the Android app: a bump in signups and app adoption follows. */
export const ANDROID_LAUNCH_DAY = dayIndex("2025-09-16");
/** A paid-search campaign: more signups from paid search for six weeks. */
export const CAMPAIGN_START_DAY = dayIndex("2026-03-02");
export const CAMPAIGN_END_DAY = dayIndex("2026-04-12");

const DATE_STRINGS: string[] = [];
const DAY_OF_YEAR = new Int16Array(PLAN_DAYS);
for (let d = 0; d < PLAN_DAYS; d++) {
  const iso = new Date(START_MS + d * DAY_MS).toISOString();
  DATE_STRINGS.push(iso.slice(0, 10));
  const year = Number(iso.slice(0, 4));
  DAY_OF_YEAR[d] = Math.round((START_MS + d * DAY_MS - Date.UTC(year, 0, 1)) / DAY_MS);
}

/** 'YYYY-MM-DD' of a day index. */
export function dateString(day: number): string {
  return DATE_STRINGS[day];
}

/** 0 = Monday ... 6 = Sunday. */
export function weekday(day: number): number {
  return day % 7;
}

const SEASON = Float64Array.from(DAY_OF_YEAR, (doy) => 1 + 0.08 * Math.sin((2 * Math.PI * (doy - 80)) / 365));

/** Mild yearly seasonality peaking in early summer, as photo-taking does. */
export function yearlySeason(day: number): number {
  return SEASON[day];
}

/** Christmas to New Year: people are away from their feeds. */
export function holidayDip(day: number): number {
  const doy = DAY_OF_YEAR[day];
  return doy >= 356 || doy === 0 ? 0.75 : 1;
}
