import { describe, expect, it } from "vitest";
import { refreshCronProblem } from "./refresh-cron";
import {
  chartRefreshSchedule,
  chartScheduleColumns,
  chartScheduleSchema,
  dashboardRefreshSchedule,
  describeRefreshSchedule,
  parseCustomMinutes,
} from "./refresh-schedule";

describe("refresh schedules", () => {
  it("refuses a custom interval that is empty, zero or too short instead of saving it as off", () => {
    expect(parseCustomMinutes("")).toEqual({ error: "Enter a whole number of minutes." });
    expect(parseCustomMinutes("7.5")).toEqual({ error: "Enter a whole number of minutes." });
    expect(parseCustomMinutes("0")).toEqual({ error: 'Refresh at most every 5 minutes; choose "Off" to stop refreshing.' });
    expect(parseCustomMinutes("3")).toEqual({ error: 'Refresh at most every 5 minutes; choose "Off" to stop refreshing.' });
    expect(parseCustomMinutes("20000")).toEqual({ error: "Refresh at least once a week, or turn refreshes off." });
    expect(parseCustomMinutes(" 45 ")).toEqual({ minutes: 45 });
  });

  it("reads a dashboard's columns as one schedule: cron replaces the interval, 0 is off", () => {
    expect(dashboardRefreshSchedule({ refreshIntervalMinutes: 60, refreshCron: null, refreshTimezone: "UTC" })).toEqual({ kind: "interval", minutes: 60 });
    expect(dashboardRefreshSchedule({ refreshIntervalMinutes: 60, refreshCron: "0 8 * * *", refreshTimezone: "Europe/Paris" })).toEqual({
      kind: "cron",
      cron: "0 8 * * *",
      timezone: "Europe/Paris",
    });
    expect(dashboardRefreshSchedule({ refreshIntervalMinutes: 0, refreshCron: null, refreshTimezone: "UTC" })).toEqual({ kind: "off" });
  });

  it("reads a chart's override, null when it follows its dashboards", () => {
    expect(chartRefreshSchedule({ refreshIntervalMinutes: null, refreshCron: null, refreshTimezone: null })).toBeNull();
    expect(chartRefreshSchedule({ refreshIntervalMinutes: 0, refreshCron: null, refreshTimezone: null })).toEqual({ kind: "off" });
    for (const input of [{ mode: "dashboard" }, { mode: "off" }, { mode: "interval", minutes: 10 }, { mode: "cron", cron: "0  8 * * 1-5", timezone: "Asia/Tokyo" }]) {
      const parsed = chartScheduleSchema.parse(input);
      const back = chartRefreshSchedule(chartScheduleColumns(parsed));
      expect(back).toEqual(
        { dashboard: null, off: { kind: "off" }, interval: { kind: "interval", minutes: 10 }, cron: { kind: "cron", cron: "0 8 * * 1-5", timezone: "Asia/Tokyo" } }[parsed.mode],
      );
    }
    expect(chartScheduleSchema.safeParse({ mode: "interval", minutes: 2 }).error?.issues[0].message).toBe(
      "Refresh at most every 5 minutes, or turn refreshes off.",
    );
  });

  it("describes schedules in words", () => {
    expect(describeRefreshSchedule({ kind: "interval", minutes: 60 })).toBe("Every hour");
    expect(describeRefreshSchedule({ kind: "interval", minutes: 15 })).toBe("Every 15 minutes");
    expect(describeRefreshSchedule({ kind: "interval", minutes: 360 })).toBe("Every 6 hours");
    expect(describeRefreshSchedule({ kind: "interval", minutes: 1440 })).toBe("Every day");
    expect(describeRefreshSchedule({ kind: "cron", cron: "0 8 * * 1-5", timezone: "Europe/Paris" })).toBe("Cron 0 8 * * 1-5 (Europe/Paris)");
    expect(describeRefreshSchedule({ kind: "off" })).toBe("Off");
  });

  it("checks refresh crons with the scheduler's parser", () => {
    expect(refreshCronProblem("*/5 * * * *", "UTC")).toBeNull();
    expect(refreshCronProblem("*/2 * * * *", "UTC")).toBe('Refresh at most every 5 minutes: "*/2 * * * *" runs more often.');
    expect(refreshCronProblem("0 8 31 2 *", "UTC")).toBe('Invalid cron expression "0 8 31 2 *": Invalid explicit day of month definition');
  });
});
