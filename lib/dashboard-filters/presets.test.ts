import { describe, expect, it } from "vitest";
import { addDays, describeDays, displayedDays, isIsoDay, isoWeekStart, resolveDateRange, utcDay } from "./presets";

// 2024-03-13 is a Wednesday; its ISO week starts on Monday 2024-03-11.
const WEDNESDAY = "2024-03-13";

describe("resolveDateRange", () => {
  it("resolves the last N days to the N days ending today, end excluded", () => {
    expect(resolveDateRange("last_7_days", WEDNESDAY)).toEqual({ start: "2024-03-07", end: "2024-03-14" });
    expect(resolveDateRange("last_30_days", WEDNESDAY)).toEqual({ start: "2024-02-13", end: "2024-03-14" });
    expect(resolveDateRange("last_90_days", WEDNESDAY)).toEqual({ start: "2023-12-15", end: "2024-03-14" });
  });

  it("resolves this week to Monday through Sunday of today's ISO week", () => {
    expect(resolveDateRange("this_week", WEDNESDAY)).toEqual({ start: "2024-03-11", end: "2024-03-18" });
    expect(resolveDateRange("this_week", "2024-03-11")).toEqual({ start: "2024-03-11", end: "2024-03-18" });
    expect(resolveDateRange("this_week", "2024-03-17")).toEqual({ start: "2024-03-11", end: "2024-03-18" });
  });

  it("resolves the last five weeks to the five complete ISO weeks before this one", () => {
    expect(resolveDateRange("last_5_weeks", WEDNESDAY)).toEqual({ start: "2024-02-05", end: "2024-03-11" });
    // On a Monday the week that just began is not complete: it is left out.
    expect(resolveDateRange("last_5_weeks", "2024-03-11")).toEqual({ start: "2024-02-05", end: "2024-03-11" });
    // On a Sunday the current week is still not complete.
    expect(resolveDateRange("last_5_weeks", "2024-03-17")).toEqual({ start: "2024-02-05", end: "2024-03-11" });
    expect(resolveDateRange("last_5_weeks", "2024-03-18")).toEqual({ start: "2024-02-12", end: "2024-03-18" });
  });

  it("crosses year boundaries by ISO weeks", () => {
    // 2021-01-03 is a Sunday in ISO week 53 of 2020, which began on Monday 2020-12-28.
    expect(resolveDateRange("this_week", "2021-01-03")).toEqual({ start: "2020-12-28", end: "2021-01-04" });
    expect(resolveDateRange("last_5_weeks", "2021-01-03")).toEqual({ start: "2020-11-23", end: "2020-12-28" });
  });

  it("binds a custom range with its last day included", () => {
    expect(resolveDateRange({ start: "2024-01-01", end: "2024-01-31" }, WEDNESDAY)).toEqual({ start: "2024-01-01", end: "2024-02-01" });
    expect(resolveDateRange({ start: "2024-02-29", end: "2024-02-29" }, WEDNESDAY)).toEqual({ start: "2024-02-29", end: "2024-03-01" });
  });
});

describe("day helpers", () => {
  it("knows real calendar days", () => {
    expect(isIsoDay("2024-02-29")).toBe(true);
    expect(isIsoDay("2023-02-29")).toBe(false);
    expect(isIsoDay("2024-13-01")).toBe(false);
    expect(isIsoDay("2024-1-01")).toBe(false);
    expect(isIsoDay(20240101)).toBe(false);
  });

  it("adds days, finds Mondays and reads the UTC day of an instant", () => {
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("1970-01-01", -1)).toBe("1969-12-31");
    expect(isoWeekStart("1970-01-01")).toBe("1969-12-29");
    expect(isoWeekStart("2024-03-10")).toBe("2024-03-04");
    expect(utcDay(new Date("2024-03-13T23:59:59.999Z"))).toBe("2024-03-13");
    expect(utcDay(new Date("2024-03-13T23:30:00-02:00"))).toBe("2024-03-14");
  });

  it("describes the days a value covers, last day included", () => {
    expect(displayedDays("last_7_days", WEDNESDAY)).toEqual({ first: "2024-03-07", last: "2024-03-13" });
    expect(describeDays("2024-03-07", "2024-03-13")).toBe("Mar 7 – Mar 13, 2024");
    expect(describeDays("2023-12-15", "2024-03-13")).toBe("Dec 15, 2023 – Mar 13, 2024");
    expect(describeDays("2024-03-13", "2024-03-13")).toBe("Mar 13, 2024");
  });
});
