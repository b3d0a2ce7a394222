import { describe, expect, it } from "vitest";
import { needsRun } from "./freshness";

const at = (hhmm: string) => new Date(`2024-03-13T${hhmm}:00.000Z`);
const hourly = { kind: "interval", minutes: 60 } as const;
const ctx = { chartUpdatedAt: at("08:00"), defaultComputedAt: at("10:00"), schedule: hourly, now: at("10:30") };
const ok = (computed: string) => ({ computedAt: at(computed), lastAttemptAt: at(computed), lastError: null });

describe("needsRun", () => {
  it("runs what was never run", () => {
    expect(needsRun(undefined, ctx)).toBe(true);
    expect(needsRun({ computedAt: null, lastAttemptAt: null, lastError: null }, ctx)).toBe(true);
  });

  it("serves a result younger than the refresh interval and newer than the chart and its default result", () => {
    expect(needsRun(ok("10:05"), ctx)).toBe(false);
  });

  it("runs again once the refresh interval and its grace have passed (hourly: 10 minutes)", () => {
    expect(needsRun(ok("10:05"), { ...ctx, now: at("11:15") })).toBe(true);
    expect(needsRun(ok("10:05"), { ...ctx, now: at("11:14") })).toBe(false);
  });

  it("has no age limit when scheduled refreshes are off", () => {
    expect(needsRun(ok("10:05"), { ...ctx, schedule: { kind: "off" }, now: at("23:00") })).toBe(false);
  });

  it("runs again once a cron fire that should have replaced it is past its grace", () => {
    // Every day at 11:00 in New York (EDT on 13 March 2024, UTC-4): 15:00 UTC; stale from 15:10 UTC.
    const cron = { kind: "cron", cron: "0 11 * * *", timezone: "America/New_York" } as const;
    expect(needsRun(ok("10:05"), { ...ctx, schedule: cron, now: at("15:09") })).toBe(false);
    expect(needsRun(ok("10:05"), { ...ctx, schedule: cron, now: at("15:10") })).toBe(true);
  });

  it("runs again after the chart was edited or its default result refreshed", () => {
    expect(needsRun(ok("10:05"), { ...ctx, chartUpdatedAt: at("10:10") })).toBe(true);
    expect(needsRun(ok("09:55"), ctx)).toBe(true);
    expect(needsRun(ok("09:55"), { ...ctx, defaultComputedAt: null })).toBe(false);
  });

  it("serves a failure for a minute before trying again", () => {
    const failed = { computedAt: at("09:00"), lastAttemptAt: new Date("2024-03-13T10:29:30Z"), lastError: "boom" };
    expect(needsRun(failed, ctx)).toBe(false);
    expect(needsRun(failed, { ...ctx, now: new Date("2024-03-13T10:30:30Z") })).toBe(true);
    // A chart edited since the failure is tried at once.
    expect(needsRun(failed, { ...ctx, chartUpdatedAt: new Date("2024-03-13T10:29:45Z") })).toBe(true);
  });
});
