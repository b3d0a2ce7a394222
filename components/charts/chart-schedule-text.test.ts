import { describe, expect, it } from "vitest";
import { chartScheduleText, sharedDashboardSchedule } from "./chart-schedule-text";

const hourly = { kind: "interval", minutes: 60 } as const;
const cron = { kind: "cron", cron: "0 7 * * 1-5", timezone: "Europe/Paris" } as const;

describe("chart schedule text", () => {
  it("says what the chart follows, or its own schedule", () => {
    expect(chartScheduleText(null, [{ title: "Product", schedule: hourly }])).toBe("Follows the dashboard: every hour");
    expect(chartScheduleText(null, [{ title: "A", schedule: hourly }, { title: "B", schedule: { kind: "interval", minutes: 60 } }])).toBe("Follows its dashboards: every hour");
    expect(chartScheduleText(null, [{ title: "A", schedule: hourly }, { title: "B", schedule: cron }])).toBe(
      "Follows each dashboard's schedule: A (every hour), B (cron 0 7 * * 1-5 (Europe/Paris))",
    );
    expect(chartScheduleText(null, [])).toBe("Follows its dashboards' schedules; it is on no dashboard yet, so nothing refreshes it.");
    expect(chartScheduleText({ kind: "interval", minutes: 15 }, [{ title: "Product", schedule: hourly }])).toBe("Own schedule: every 15 minutes");
    expect(chartScheduleText({ kind: "off" }, [])).toBe("Own schedule: off");
  });

  it("names the dashboards' schedule only when they share one", () => {
    expect(sharedDashboardSchedule([{ schedule: hourly }])).toBe("Every hour");
    expect(sharedDashboardSchedule([{ schedule: hourly }, { schedule: { kind: "off" } }])).toBeNull();
    expect(sharedDashboardSchedule([])).toBeNull();
  });
});
