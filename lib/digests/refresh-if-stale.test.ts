import { describe, expect, it } from "vitest";
import { dataIsStale, refreshPeriodMs } from "./refresh-if-stale";

const now = new Date("2026-12-04T08:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const hourly = { refreshIntervalMinutes: 60, refreshCron: null, refreshTimezone: "UTC" };

describe("digest data freshness", () => {
  it("measures one period of an interval or a cron schedule", () => {
    expect(refreshPeriodMs(hourly, now)).toBe(3_600_000);
    expect(refreshPeriodMs({ ...hourly, refreshCron: "0 6 * * *" }, now)).toBe(86_400_000);
    expect(refreshPeriodMs({ ...hourly, refreshCron: "*/15 * * * *" }, now)).toBe(900_000);
    expect(refreshPeriodMs({ ...hourly, refreshIntervalMinutes: 0 }, now)).toBeNull();
  });

  it("is stale when older than one period or missing", () => {
    expect(dataIsStale([ago(59), ago(10)], hourly, now)).toBe(false);
    expect(dataIsStale([ago(61), ago(10)], hourly, now)).toBe(true);
    expect(dataIsStale([ago(10), null], hourly, now)).toBe(true);
    // Daily at 06:00: data from 20 hours ago is within one period.
    expect(dataIsStale([ago(20 * 60)], { ...hourly, refreshCron: "0 6 * * *" }, now)).toBe(false);
    expect(dataIsStale([ago(25 * 60)], { ...hourly, refreshCron: "0 6 * * *" }, now)).toBe(true);
    // Refreshes off: old data is what the dashboard shows too, but no data at all is refreshed.
    expect(dataIsStale([ago(10_000)], { ...hourly, refreshIntervalMinutes: 0 }, now)).toBe(false);
    expect(dataIsStale([null], { ...hourly, refreshIntervalMinutes: 0 }, now)).toBe(true);
  });
});
