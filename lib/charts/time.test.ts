import { describe, expect, it } from "vitest";
import { addGrain, autoDateFormat, formatDate, inferGrain, stepsBetween, toEpochMs } from "./time";

const t = (iso: string) => toEpochMs(iso) as number;

describe("time series grain", () => {
  it("infers day, week, month, quarter and year from the smallest step", () => {
    expect(inferGrain(["2024-01-01", "2024-01-02", "2024-01-05"].map(t))).toBe("day");
    expect(inferGrain(["2024-01-01", "2024-01-08", "2024-01-29"].map(t))).toBe("week");
    expect(inferGrain(["2024-01-01", "2024-02-01", "2024-03-01", "2024-06-01"].map(t))).toBe("month");
    expect(inferGrain(["2024-01-01", "2024-04-01", "2024-10-01"].map(t))).toBe("quarter");
    expect(inferGrain(["2021-01-01", "2022-01-01", "2024-01-01"].map(t))).toBe("year");
  });

  it("refuses irregular, sub-daily and misaligned series", () => {
    expect(inferGrain([t("2024-01-01")])).toBeNull();
    expect(inferGrain(["2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z"].map(t))).toBeNull();
    expect(inferGrain(["2024-01-01", "2024-01-03", "2024-01-06"].map(t))).toBeNull();
    expect(inferGrain(["2024-01-01", "2024-01-02", "2024-01-03T12:00:00Z"].map(t))).toBeNull();
    expect(inferGrain(["2024-01-01", "2024-02-01", "2024-03-15"].map(t))).toBeNull();
    expect(inferGrain(["2024-01-31", "2024-02-29", "2024-03-31"].map(t))).toBeNull();
  });

  it("steps by calendar months and caps the number of steps", () => {
    expect(addGrain(t("2024-01-15"), "month")).toBe(t("2024-02-15"));
    expect(addGrain(t("2024-11-01"), "quarter")).toBe(t("2025-02-01"));
    expect(stepsBetween(t("2024-01-01"), t("2024-04-01"), "month", 10)).toEqual(["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"].map(t));
    expect(stepsBetween(t("1970-01-01"), t("2024-01-01"), "day", 1000)).toBeNull();
  });
});

describe("date labels", () => {
  it("formats each date format in UTC", () => {
    const d = t("2024-01-05T09:30:00Z");
    expect(formatDate(d, "day")).toBe("Jan 5, 2024");
    expect(formatDate(d, "week")).toBe("Week of Jan 5");
    expect(formatDate(d, "month")).toBe("Jan 2024");
    expect(formatDate(t("2024-08-01"), "quarter")).toBe("Q3 2024");
    expect(formatDate(d, "year")).toBe("2024");
    expect(formatDate(d, "datetime")).toBe("Jan 5, 2024 09:30");
  });

  it("auto picks a format from the grain", () => {
    expect(autoDateFormat("week", [])).toBe("day");
    expect(autoDateFormat("month", [])).toBe("month");
    expect(autoDateFormat(null, [t("2024-01-01"), t("2024-01-09")])).toBe("day");
    expect(autoDateFormat(null, [t("2024-01-01T10:00:00Z")])).toBe("datetime");
  });
});
