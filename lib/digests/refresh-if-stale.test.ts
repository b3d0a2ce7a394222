import { describe, expect, it } from "vitest";
import { staleCharts, type ChartFreshness } from "./refresh-if-stale";

const now = new Date("2026-12-04T08:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const hourly = { refreshIntervalMinutes: 60, refreshCron: null, refreshTimezone: "UTC" };
const follows = { refreshIntervalMinutes: null, refreshCron: null, refreshTimezone: null };
const chart = (chartId: string, computedAt: Date | null, own: Partial<ChartFreshness> = {}): ChartFreshness => ({ chartId, ...follows, computedAt, ...own });

describe("which charts a digest refreshes first", () => {
  it("refreshes charts older than the dashboard's interval, or with no data", () => {
    expect(staleCharts(hourly, [chart("a", ago(59)), chart("b", ago(60)), chart("c", null)], now)).toEqual({
      followsDashboard: ["b", "c"],
      ownSchedule: [],
    });
  });

  it("refreshes data computed before the last fire of a cron schedule, whatever its age", () => {
    // Daily at 07:00 in Paris (CET: 06:00 UTC). Data from 06:05 UTC today is fresh; data from 05:59 UTC,
    // six minutes older, predates today's run and is stale.
    const daily = { ...hourly, refreshCron: "0 7 * * *", refreshTimezone: "Europe/Paris" };
    expect(staleCharts(daily, [chart("a", ago(115)), chart("b", ago(121))], now)).toEqual({ followsDashboard: ["b"], ownSchedule: [] });
    // No grace after the fire (unlike the tile's "late" mark): a digest a second after 07:00 Paris time
    // does not go out with the previous day's data, even while the scheduled refresh may still be running.
    const yesterdays = [chart("b", new Date("2026-12-03T06:01:00Z"))];
    expect(staleCharts(daily, yesterdays, new Date("2026-12-04T05:59:59Z"))).toEqual({ followsDashboard: [], ownSchedule: [] });
    expect(staleCharts(daily, yesterdays, new Date("2026-12-04T06:00:01Z"))).toEqual({ followsDashboard: ["b"], ownSchedule: [] });
  });

  it("renders what is cached when refreshes are off, but refreshes a chart with no data", () => {
    const off = { ...hourly, refreshIntervalMinutes: 0 };
    expect(staleCharts(off, [chart("a", ago(100_000)), chart("b", null)], now)).toEqual({ followsDashboard: ["b"], ownSchedule: [] });
  });

  it("judges a chart with its own schedule by that schedule, and refreshes it on its own", () => {
    const charts = [
      chart("quarter-hourly", ago(20), { refreshIntervalMinutes: 15 }),
      chart("daily-own", ago(120), { refreshIntervalMinutes: 1440 }),
      chart("own-off", ago(100_000), { refreshIntervalMinutes: 0 }),
      chart("follows", ago(30)),
    ];
    expect(staleCharts(hourly, charts, now)).toEqual({ followsDashboard: [], ownSchedule: ["quarter-hourly"] });
  });
});
