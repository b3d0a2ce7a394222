import { describe, expect, it } from "vitest";
import { cellText, dateText, tableValueFormat } from "./cell-text";

describe("cellText", () => {
  it("prints numbers plainly unless the chart asks for a format", () => {
    expect(cellText(1234567.125, { type: "number" })).toBe("1,234,567.125");
    expect(cellText(0.000123, { type: "number" })).toBe("0.000123");
    expect(cellText(1234.5, { type: "number" }, { valueFormat: { format: "currency" } })).toBe("$1,234.50");
    expect(cellText(0.256, { type: "number" }, { valueFormat: { format: "percent" } })).toBe("25.6%");
  });

  it("keeps numbers sent as strings exact", () => {
    expect(cellText("12345678901234567890", { type: "number" }, { valueFormat: { format: "number" } })).toBe("12345678901234567890");
  });

  it("prints text, booleans and JSON as they are; NULL as NULL", () => {
    expect(cellText("", { type: "string" })).toBe("");
    expect(cellText(true, { type: "boolean" })).toBe("true");
    expect(cellText({ a: 1 }, { type: "json" })).toBe('{"a":1}');
    expect(cellText(null, { type: "string" })).toBe("NULL");
  });

  it("prints dates in the chart's date format", () => {
    expect(cellText("2024-05-09", { type: "date" })).toBe("2024-05-09");
    expect(cellText("2024-05-09T13:45:00.000Z", { type: "timestamp" })).toBe("2024-05-09 13:45:00 UTC");
    expect(cellText("2024-05-09", { type: "date" }, { dateFormat: "month" })).toBe("May 2024");
  });
});

describe("dateText", () => {
  const ts = "2024-05-09T13:45:00Z"; // a Thursday
  it("formats by day, week, month, quarter, year and datetime in UTC", () => {
    expect(dateText(ts, { type: "timestamp" }, "day")).toBe("2024-05-09");
    expect(dateText(ts, { type: "timestamp" }, "week")).toBe("Week of 2024-05-06");
    expect(dateText("2024-05-06", { type: "date" }, "week")).toBe("Week of 2024-05-06");
    expect(dateText("2024-05-12", { type: "date" }, "week")).toBe("Week of 2024-05-06");
    expect(dateText(ts, { type: "timestamp" }, "month")).toBe("May 2024");
    expect(dateText(ts, { type: "timestamp" }, "quarter")).toBe("Q2 2024");
    expect(dateText(ts, { type: "timestamp" }, "year")).toBe("2024");
    expect(dateText(ts, { type: "timestamp" }, "datetime")).toBe("2024-05-09 13:45");
    expect(dateText("2024-05-09T23:30:00-02:00", { type: "timestamp" }, "day")).toBe("2024-05-10");
  });

  it("leaves values that are not dates alone", () => {
    expect(dateText("soon", { type: "date" }, "month")).toBe("soon");
  });
});

describe("tableValueFormat", () => {
  it("applies only formats the settings ask for", () => {
    expect(tableValueFormat(undefined)).toBeNull();
    expect(tableValueFormat({ x: "a" })).toBeNull();
    expect(tableValueFormat({ format: "currency", currency: "EUR" })).toEqual({ format: "currency", currency: "EUR", decimals: undefined });
    expect(tableValueFormat({ decimals: 1 })).toEqual({ format: "number", currency: undefined, decimals: 1 });
  });
});
