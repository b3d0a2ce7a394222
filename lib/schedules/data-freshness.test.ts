import { describe, expect, it } from "vitest";
import { isStaleForSchedule, staleAfter } from "./data-freshness";
import { effectiveRefreshSchedule, type RefreshSchedule } from "./refresh-schedule";

const d = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;
const MS = 1;

describe("staleAfter / isStaleForSchedule", () => {
  it("every N minutes: stale N minutes after the data was computed plus the grace, at most half the interval", () => {
    const hourly: RefreshSchedule = { kind: "interval", minutes: 60 };
    expect(iso(staleAfter(hourly, d("2026-12-04T10:05:00Z")))).toBe("2026-12-04T11:15:00.000Z");
    expect(isStaleForSchedule(hourly, d("2026-12-04T10:05:00Z"), new Date(d("2026-12-04T11:15:00Z").getTime() - MS))).toBe(false);
    expect(isStaleForSchedule(hourly, d("2026-12-04T10:05:00Z"), d("2026-12-04T11:15:00Z"))).toBe(true);
    // 15 minutes: 7.5 minutes of grace, not 10.
    const every15: RefreshSchedule = { kind: "interval", minutes: 15 };
    expect(iso(staleAfter(every15, d("2026-12-04T10:05:00Z")))).toBe("2026-12-04T10:27:30.000Z");
    // Without grace: the interval's own age.
    expect(iso(staleAfter(every15, d("2026-12-04T10:05:00Z"), 0))).toBe("2026-12-04T10:20:00.000Z");
    expect(isStaleForSchedule(every15, d("2026-12-04T10:05:00Z"), d("2026-12-04T10:20:00Z"), 0)).toBe(true);
  });

  it("a cron in a time zone: stale once the next fire after the data is 10 minutes past", () => {
    // Weekdays at 07:00 in Paris; in December that is 06:00 UTC.
    const weekdays: RefreshSchedule = { kind: "cron", cron: "0 7 * * 1-5", timezone: "Europe/Paris" };
    // Computed Friday 4 Dec after that day's run: the next run is Monday 7 Dec, so the weekend is fresh.
    expect(iso(staleAfter(weekdays, d("2026-12-04T06:00:40Z")))).toBe("2026-12-07T06:10:00.000Z");
    expect(isStaleForSchedule(weekdays, d("2026-12-04T06:00:40Z"), d("2026-12-06T23:00:00Z"))).toBe(false);
    expect(isStaleForSchedule(weekdays, d("2026-12-04T06:00:40Z"), d("2026-12-07T06:09:59Z"))).toBe(false);
    expect(isStaleForSchedule(weekdays, d("2026-12-04T06:00:40Z"), d("2026-12-07T06:10:00Z"))).toBe(true);
    // Computed a minute before Friday's run: stale ten minutes after it, though only 11 minutes old.
    expect(iso(staleAfter(weekdays, d("2026-12-04T05:59:00Z")))).toBe("2026-12-04T06:10:00.000Z");
    // Data computed at the very instant of a fire is that fire's data.
    expect(iso(staleAfter(weekdays, d("2026-12-04T06:00:00Z")))).toBe("2026-12-07T06:10:00.000Z");
    // The same cron in New York fires at 12:00 UTC.
    expect(iso(staleAfter({ ...weekdays, timezone: "America/New_York" }, d("2026-12-04T06:00:40Z")))).toBe("2026-12-04T12:10:00.000Z");
    // Without grace (a caller may pass its own).
    expect(iso(staleAfter(weekdays, d("2026-12-04T05:59:00Z"), 0))).toBe("2026-12-04T06:00:00.000Z");
  });

  it("a cron across the spring DST change: the day is 23 hours long", () => {
    // Daily at 07:00 in Paris: 06:00 UTC on Saturday 28 March 2026 (CET), 05:00 UTC on Sunday 29 (CEST).
    const daily: RefreshSchedule = { kind: "cron", cron: "0 7 * * *", timezone: "Europe/Paris" };
    expect(iso(staleAfter(daily, d("2026-03-28T06:00:30Z")))).toBe("2026-03-29T05:10:00.000Z");
    // 23 h 30 min old: less than a day, yet Sunday's 07:00 run has passed.
    expect(isStaleForSchedule(daily, d("2026-03-28T06:00:30Z"), d("2026-03-29T05:30:30Z"))).toBe(true);
    // 02:30 does not exist that night: the run happens at 03:30 CEST (01:30 UTC).
    const night: RefreshSchedule = { kind: "cron", cron: "30 2 * * *", timezone: "Europe/Paris" };
    expect(iso(staleAfter(night, d("2026-03-28T01:30:30Z")))).toBe("2026-03-29T01:40:00.000Z");
    // In autumn 02:30 happens twice (25 October 2026); the scheduler runs at the first (00:30 UTC), once.
    expect(iso(staleAfter(night, d("2026-10-24T00:31:00Z")))).toBe("2026-10-25T00:40:00.000Z");
    expect(iso(staleAfter(night, d("2026-10-25T00:30:30Z")))).toBe("2026-10-26T01:40:00.000Z");
  });

  it("off: never stale by schedule; missing data is stale", () => {
    const off: RefreshSchedule = { kind: "off" };
    expect(staleAfter(off, d("2020-01-01T00:00:00Z"))).toBeNull();
    expect(isStaleForSchedule(off, d("2020-01-01T00:00:00Z"), d("2026-12-04T00:00:00Z"))).toBe(false);
    expect(isStaleForSchedule(off, null, d("2026-12-04T00:00:00Z"))).toBe(true);
  });

  it("a chart's own schedule replaces its dashboard's", () => {
    const dashboard = { refreshIntervalMinutes: 60, refreshCron: null, refreshTimezone: "UTC" };
    const follows = { refreshIntervalMinutes: null, refreshCron: null, refreshTimezone: null };
    expect(effectiveRefreshSchedule(dashboard, follows)).toEqual({ kind: "interval", minutes: 60 });
    expect(effectiveRefreshSchedule(dashboard, null)).toEqual({ kind: "interval", minutes: 60 });
    expect(effectiveRefreshSchedule(dashboard, { ...follows, refreshIntervalMinutes: 15 })).toEqual({ kind: "interval", minutes: 15 });
    expect(effectiveRefreshSchedule(dashboard, { ...follows, refreshIntervalMinutes: 0 })).toEqual({ kind: "off" });
    expect(effectiveRefreshSchedule(dashboard, { ...follows, refreshCron: "0 6 * * *", refreshTimezone: "Asia/Tokyo" })).toEqual({
      kind: "cron",
      cron: "0 6 * * *",
      timezone: "Asia/Tokyo",
    });
    // A chart set to off on an hourly dashboard is never stale; one set to every 15 minutes is after 15 (and
    // its 7.5 minutes of grace).
    const computed = d("2026-12-04T10:00:00Z");
    const at = d("2026-12-04T10:23:00Z");
    expect(isStaleForSchedule(effectiveRefreshSchedule(dashboard, follows), computed, at)).toBe(false);
    expect(isStaleForSchedule(effectiveRefreshSchedule(dashboard, { ...follows, refreshIntervalMinutes: 15 }), computed, at)).toBe(true);
    expect(isStaleForSchedule(effectiveRefreshSchedule({ ...dashboard, refreshIntervalMinutes: 5 }, { ...follows, refreshIntervalMinutes: 0 }), computed, at)).toBe(false);
  });
});
