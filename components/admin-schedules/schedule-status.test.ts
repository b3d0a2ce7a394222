import { describe, expect, it } from "vitest";
import { scheduleStatus } from "./schedule-status";

describe("scheduleStatus", () => {
  it("flags an overdue schedule first, with its reason", () => {
    expect(scheduleStatus({ overdue: "no run since 08:00", lastStatus: "failed", lastError: "boom" })).toEqual({
      text: "overdue: no run since 08:00",
      alarming: true,
      title: "no run since 08:00",
    });
  });

  it("says a schedule on time whose last run failed is failing, not ok", () => {
    expect(scheduleStatus({ overdue: null, lastStatus: "failed", lastError: "relation \"x\" does not exist" })).toEqual({
      text: "last run failed",
      alarming: true,
      title: "relation \"x\" does not exist",
    });
  });

  it("says ok for a schedule on time whose last run succeeded, was sent, or has not run yet", () => {
    for (const lastStatus of ["succeeded", "sent", "skipped", null]) {
      expect(scheduleStatus({ overdue: null, lastStatus, lastError: null })).toEqual({ text: "ok", alarming: false });
    }
  });
});
