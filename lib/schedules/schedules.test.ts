import { describe, expect, it } from "vitest";
import { createSubscriptionServerSchema, cronProblem, nextRunAt } from "./cron";
import {
  createSubscriptionSchema,
  cronAt,
  describeCron,
  formatSnapshotTime,
  renderSubject,
  slackWebhookSchema,
  splitRecipients,
  subjectTemplateProblem,
  updateSubscriptionSchema,
} from "./schemas";

describe("subscription input", () => {
  it("normalizes and de-duplicates recipients and rejects non-emails", () => {
    const ok = createSubscriptionSchema.parse({ recipients: [" Ana@Example.com", "ana@example.com", "bo@example.org"], timezone: "Europe/Paris" });
    expect(ok).toEqual({
      recipients: ["ana@example.com", "bo@example.org"],
      recipientUserIds: [],
      cron: "0 8 * * *",
      timezone: "Europe/Paris",
      enabled: true,
      filterValues: {},
      includeImage: true,
      attachCsv: false,
      attachPdf: false,
      subjectTemplate: null,
    });
    const bad = createSubscriptionSchema.safeParse({ recipients: ["ok@example.com", "not-an-email"] });
    expect(bad.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([
      { path: ["recipients", 1], message: "“not-an-email” is not an email address" },
    ]);
    expect(createSubscriptionSchema.safeParse({ recipients: [] }).error?.issues[0].message).toBe(
      "Add a recipient: a Spyglass user, an email address or a Slack webhook",
    );
  });

  it("takes users, a Slack webhook alone, filter values and formats", () => {
    expect(createSubscriptionSchema.parse({ recipientUserIds: ["u1", "u1", "u2"] }).recipientUserIds).toEqual(["u1", "u2"]);
    expect(createSubscriptionSchema.safeParse({ slackWebhook: "https://hooks.slack.com/services/T/B/x" }).success).toBe(true);
    const parsed = createSubscriptionSchema.parse({
      recipients: ["a@b.co"],
      filterValues: { period: "last_7_days", region: ["EMEA", "APAC"], range: { start: "2026-01-01", end: "2026-01-31" }, q: null },
      attachCsv: true,
      attachPdf: true,
      includeImage: false,
    });
    expect(parsed).toMatchObject({ includeImage: false, attachCsv: true, attachPdf: true, filterValues: { region: ["EMEA", "APAC"] } });
    expect(createSubscriptionSchema.safeParse({ recipients: ["a@b.co"], includeImage: false }).error?.issues[0].message).toBe(
      "Choose what the email carries: the image, CSV files or a PDF",
    );
    expect(createSubscriptionSchema.safeParse({ recipients: ["a@b.co"], filterValues: { "bad name": "x" } }).success).toBe(false);
  });

  it("accepts https webhook URLs only", () => {
    expect(slackWebhookSchema.safeParse("https://hooks.slack.com/services/T0/B0/abc").success).toBe(true);
    expect(slackWebhookSchema.safeParse("https://chat.example.com/hooks/1").success).toBe(true);
    expect(slackWebhookSchema.safeParse("").success).toBe(true);
    for (const bad of ["http://hooks.slack.com/services/x", "javascript:alert(1)", "hooks.slack.com", "https://u:p@example.com/x"]) {
      expect(slackWebhookSchema.safeParse(bad).error?.issues[0].message).toMatch(/^Use the https:\/\/ URL of a Slack incoming webhook/);
    }
  });

  it("leaves fields out of an update unless given", () => {
    expect(updateSubscriptionSchema.parse({ enabled: false })).toEqual({ enabled: false });
    expect(updateSubscriptionSchema.parse({ slackWebhook: "" })).toEqual({ slackWebhook: "" });
  });

  it("accepts IANA time zones only", () => {
    expect(createSubscriptionSchema.safeParse({ recipients: ["a@b.co"], timezone: "America/New_York" }).success).toBe(true);
    expect(createSubscriptionSchema.safeParse({ recipients: ["a@b.co"], timezone: "Mars/Olympus" }).success).toBe(false);
  });

  it("fills subject templates and names unknown placeholders", () => {
    const when = new Date("2026-12-04T23:30:00Z");
    expect(renderSubject(null, { dashboard: "Sales", date: when, timeZone: "UTC" })).toBe("Sales — 4 Dec 2026");
    // The date is the subscription's day, not the server's: 23:30 UTC is already the 5th in Tokyo.
    expect(renderSubject("{{ dashboard }} for {{date}}", { dashboard: "Sales", date: when, timeZone: "Asia/Tokyo" })).toBe("Sales for 5 Dec 2026");
    expect(subjectTemplateProblem("Daily {{dashboard}}")).toBeNull();
    expect(subjectTemplateProblem("{{dashbord}} on {{day}}")).toBe("Unknown placeholder {{dashbord}}, {{day}}: use {{dashboard}} and {{date}}");
    expect(createSubscriptionSchema.safeParse({ recipients: ["a@b.co"], subjectTemplate: "{{title}}" }).error?.issues[0]).toMatchObject({
      path: ["subjectTemplate"],
      message: "Unknown placeholder {{title}}: use {{dashboard}} and {{date}}",
    });
    expect(createSubscriptionSchema.parse({ recipients: ["a@b.co"], subjectTemplate: "  " }).subjectTemplate).toBeNull();
  });

  it("splits a typed list of recipients", () => {
    expect(splitRecipients("a@x.com, b@y.com;c@z.com\n d@w.com ,")).toEqual(["a@x.com", "b@y.com", "c@z.com", "d@w.com"]);
    // Pasted from a mail program's To: line.
    expect(splitRecipients('"Lovelace, Ada" <ada@x.com>, Bo Smith <bo@y.com>; cy@z.com')).toEqual(["ada@x.com", "bo@y.com", "cy@z.com"]);
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
    expect(describeCron("0 8 * * MON-FRI")).toBe("Weekdays at 08:00");
    expect(describeCron("0 9 * * mon")).toBe("Every Monday at 09:00");
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

  it("names each bad schedule field once, without a second message from the full cron check", () => {
    const issues = (input: Record<string, unknown>) =>
      createSubscriptionServerSchema.safeParse({ recipients: ["a@example.com"], ...input }).error?.issues.map((i) => ({ path: i.path, message: i.message }));
    expect(issues({ cron: "0 8 * *" })).toEqual([
      { path: ["cron"], message: "Use a five-field cron expression: minute hour day-of-month month day-of-week" },
    ]);
    expect(issues({ timezone: "Europe/Londn" })).toEqual([
      { path: ["timezone"], message: "Unknown time zone: use an IANA name such as Europe/London or America/New_York" },
    ]);
    expect(issues({ cron: "*/5 * * * *", timezone: "UTC" })).toEqual([{ path: ["cron"], message: "A digest can go out at most once an hour." }]);
  });

  it("says when the snapshot was taken in the subscription's time zone", () => {
    const at = new Date("2026-12-04T12:00:00Z");
    expect(formatSnapshotTime(at, "America/New_York")).toBe("4 Dec 2026, 07:00 GMT-5");
    expect(formatSnapshotTime(at, "UTC")).toBe("4 Dec 2026, 12:00 UTC");
    expect(formatSnapshotTime(at, "Nowhere/Atlantis")).toBe("4 Dec 2026, 12:00 UTC");
  });

  it("computes the next run in the subscription's time zone", () => {
    const from = Date.parse("2026-01-15T12:00:00Z");
    expect(nextRunAt("0 8 * * *", "America/New_York", from)?.toISOString()).toBe("2026-01-15T13:00:00.000Z");
    expect(nextRunAt("0 8 * * *", "Europe/Paris", from)?.toISOString()).toBe("2026-01-16T07:00:00.000Z");
  });
});
