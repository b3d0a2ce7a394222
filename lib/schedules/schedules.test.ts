import { describe, expect, it } from "vitest";
import { cronProblem, nextRunAt } from "./cron";
import { createSubscriptionSchema, cronAt, describeCron, splitRecipients } from "./schemas";

describe("subscription input", () => {
  it("normalizes and de-duplicates recipients and rejects non-emails", () => {
    const ok = createSubscriptionSchema.parse({ recipients: [" Ana@Example.com", "ana@example.com", "bo@example.org"], timezone: "Europe/Paris" });
    expect(ok).toEqual({ recipients: ["ana@example.com", "bo@example.org"], cron: "0 8 * * *", timezone: "Europe/Paris" });
    expect(createSubscriptionSchema.safeParse({ recipients: ["not-an-email"] }).success).toBe(false);
    expect(createSubscriptionSchema.safeParse({ recipients: [] }).success).toBe(false);
  });

  it("accepts IANA time zones only", () => {
    expect(createSubscriptionSchema.safeParse({ recipients: ["a@b.co"], timezone: "America/New_York" }).success).toBe(true);
    expect(createSubscriptionSchema.safeParse({ recipients: ["a@b.co"], timezone: "Mars/Olympus" }).success).toBe(false);
  });

  it("splits a typed list of recipients", () => {
    expect(splitRecipients("a@x.com, b@y.com;c@z.com\n d@w.com ,")).toEqual(["a@x.com", "b@y.com", "c@z.com", "d@w.com"]);
  });
});

describe("cron helpers", () => {
  it("turns a time of day into a cron expression", () => {
    expect(cronAt("08:00")).toBe("0 8 * * *");
    expect(cronAt("7:05", "weekdays")).toBe("5 7 * * 1-5");
    expect(() => cronAt("25:00")).toThrow();
  });

  it("describes common schedules in words", () => {
    expect(describeCron("0 8 * * *")).toBe("Every day at 08:00");
    expect(describeCron("30 7 * * 1-5")).toBe("Weekdays at 07:30");
    expect(describeCron("0 9 * * 1")).toBe("Every Monday at 09:00");
    expect(describeCron("0 6 1 * *")).toBe("Monthly on day 1 at 06:00");
    expect(describeCron("15 * * * *")).toBe("Every hour at :15");
    expect(describeCron("*/20 8-18 * * *")).toBe("Cron: */20 8-18 * * *");
  });

  it("validates with BullMQ's own cron parser and refuses more than one digest an hour", () => {
    expect(cronProblem("0 8 * * *", "Europe/London")).toBeNull();
    expect(cronProblem("0 25 * * *", "UTC")).toMatch(/Invalid cron expression/);
    expect(cronProblem("0 8 * * *", "Nowhere/Atlantis")).toMatch(/Unknown time zone/);
    expect(cronProblem("* 8 * * *", "UTC")).toBe("A digest can go out at most once an hour.");
    expect(cronProblem("0 * * * *", "UTC")).toBeNull();
  });

  it("computes the next run in the subscription's time zone", () => {
    const from = Date.parse("2026-01-15T12:00:00Z");
    expect(nextRunAt("0 8 * * *", "America/New_York", from)?.toISOString()).toBe("2026-01-15T13:00:00.000Z");
    expect(nextRunAt("0 8 * * *", "Europe/Paris", from)?.toISOString()).toBe("2026-01-16T07:00:00.000Z");
  });
});
