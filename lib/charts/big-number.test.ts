import { describe, expect, it } from "vitest";
import type { ResultColumn } from "@/lib/warehouse/types";
import { bigNumberOf, sparklinePoints, SPARKLINE_MAX_POINTS } from "./big-number";

const col = (name: string, type: ResultColumn["type"], dbType = type === "number" ? "int8" : type): ResultColumn => ({ name, type, dbType });

describe("bigNumberOf", () => {
  it("shows a single row's value without a change", () => {
    const result = { columns: [col("signups", "number")], rows: [[1234567]] };
    expect(bigNumberOf(result, {})).toEqual({ label: "signups", value: 1234567, formatted: "1,234,567" });
  });

  it("takes the latest period, compares with the one before and draws the series in date order", () => {
    // Query order is newest first; the tile must still read the latest week.
    const result = {
      columns: [col("week", "date"), col("revenue", "number", "numeric")],
      rows: [
        ["2024-01-15", 1123],
        ["2024-01-01", 900],
        ["2024-01-08", "1000"],
      ],
    };
    expect(bigNumberOf(result, { format: "currency" })).toEqual({
      label: "revenue",
      value: 1123,
      formatted: "$1,123",
      period: "2024-01-15",
      previous: 1000,
      previousFormatted: "$1,000",
      change: { absolute: 123, relative: 0.123, direction: "up", good: true, text: "+12.3% vs previous period" },
      sparkline: [900, 1000, 1123],
    });
  });

  it("colours a fall as good when increases are bad (e.g. churn)", () => {
    const result = {
      columns: [col("day", "timestamp", "timestamptz"), col("churn_rate", "number", "float8")],
      rows: [
        ["2024-03-01T00:00:00Z", 0.05],
        ["2024-03-02T00:00:00Z", 0.04],
      ],
    };
    const n = bigNumberOf(result, { format: "percent", increaseIsGood: false });
    expect(n.formatted).toBe("4%");
    expect(n.period).toBe("2024-03-02 00:00:00 UTC");
    expect(n.change?.direction).toBe("down");
    expect(n.change?.good).toBe(true);
    expect(n.change?.text).toBe("-20.0% vs previous period");
    expect(n.change?.relative).toBeCloseTo(-0.2, 12);
    expect(bigNumberOf(result, { format: "percent" }).change?.good).toBe(false);
  });

  it("says flat when nothing changed, and has no relative change from zero", () => {
    const cols = [col("month", "date"), col("orders", "number")];
    expect(bigNumberOf({ columns: cols, rows: [["2024-01-01", 5], ["2024-02-01", 5]] }, {}).change).toEqual({
      absolute: 0,
      relative: 0,
      direction: "flat",
      good: null,
      text: "No change vs previous period",
    });
    expect(bigNumberOf({ columns: cols, rows: [["2024-01-01", 0], ["2024-02-01", 1200]] }, { format: "currency" }).change).toEqual({
      absolute: 1200,
      relative: null,
      direction: "up",
      good: true,
      text: "+$1,200 vs previous period",
    });
    // A negative previous value: rising from -10 to -5 is up 50 %.
    expect(bigNumberOf({ columns: cols, rows: [["2024-01-01", -10], ["2024-02-01", -5]] }, {}).change?.text).toBe("+50.0% vs previous period");
  });

  it("keeps the value but drops the change and sparkline with comparison none", () => {
    const result = { columns: [col("month", "date"), col("orders", "number")], rows: [["2024-02-01", 7], ["2024-01-01", 5]] };
    expect(bigNumberOf(result, { comparison: "none" })).toEqual({ label: "orders", value: 7, formatted: "7", period: "2024-02-01" });
  });

  it("uses config.y and config.x when the result has them", () => {
    const result = {
      columns: [col("created", "date"), col("shipped", "date"), col("orders", "number"), col("revenue", "number")],
      rows: [
        ["2024-01-02", "2024-01-01", 1, 10],
        ["2024-01-01", "2024-01-02", 2, 20],
      ],
    };
    const n = bigNumberOf(result, { y: ["revenue"], x: "shipped" });
    expect([n.label, n.value, n.previous]).toEqual(["revenue", 20, 10]);
    // Unknown columns (the SQL changed) fall back to the defaults: the first numeric and the first date.
    const d = bigNumberOf(result, { y: ["gone"], x: "gone" });
    expect([d.label, d.value, d.previous]).toEqual(["orders", 1, 2]);
    // x naming a column that is not a date is ignored.
    expect(bigNumberOf(result, { x: "revenue" }).value).toBe(1);
  });

  it("takes the first row when there is no date column", () => {
    const result = { columns: [col("country", "string"), col("users", "number")], rows: [["NL", 40], ["DE", 30]] };
    expect(bigNumberOf(result, {})).toEqual({ label: "users", value: 40, formatted: "40" });
  });

  it("shows NULL values as a dash and has no change against them", () => {
    const cols = [col("month", "date"), col("orders", "number")];
    expect(bigNumberOf({ columns: cols, rows: [["2024-01-01", 5], ["2024-02-01", null]] }, {})).toEqual({
      label: "orders",
      value: null,
      formatted: "–",
      period: "2024-02-01",
      previous: 5,
      previousFormatted: "5",
    });
    const n = bigNumberOf({ columns: cols, rows: [["2024-01-01", 5], ["2024-02-01", null], ["2024-03-01", 8]] }, {});
    expect([n.value, n.previous, n.change, n.sparkline]).toEqual([8, null, undefined, [5, 8]]);
  });

  it("handles empty results and results without numbers", () => {
    expect(bigNumberOf({ columns: [col("n", "number")], rows: [] }, {})).toEqual({ label: "n", value: null, formatted: "–" });
    expect(bigNumberOf({ columns: [col("status", "string")], rows: [["ok"]] }, {})).toEqual({ label: "status", value: null, formatted: "ok" });
  });

  it("applies currency and decimals from the settings", () => {
    const result = { columns: [col("revenue", "number")], rows: [[1234.5]] };
    expect(bigNumberOf(result, { format: "currency", currency: "EUR", decimals: 0 }).formatted).toBe("€1,235");
  });

  it("caps the sparkline to the latest points", () => {
    const rows = Array.from({ length: 500 }, (_, i) => [new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10), i]);
    const n = bigNumberOf({ columns: [col("day", "date"), col("v", "number")], rows }, {});
    expect(n.sparkline).toHaveLength(SPARKLINE_MAX_POINTS);
    expect(n.sparkline?.[0]).toBe(300);
    expect(n.sparkline?.at(-1)).toBe(499);
    expect([n.value, n.previous]).toEqual([499, 498]);
  });
});

describe("sparklinePoints", () => {
  it("scales values into the box, highest at the top", () => {
    expect(sparklinePoints([0, 5, 10], 100, 24, 2)).toBe("0,22 50,12 100,2");
    expect(sparklinePoints([3, 1, 2, 1], 90, 30, 0)).toBe("0,0 30,30 60,15 90,30");
  });

  it("draws a constant series through the middle", () => {
    expect(sparklinePoints([4, 4], 100, 20)).toBe("0,10 100,10");
    expect(sparklinePoints([4], 100, 20)).toBe("50,10");
    expect(sparklinePoints([], 100, 20)).toBe("");
  });

  it("rounds to two decimals", () => {
    expect(sparklinePoints([0, 1, 2, 3], 100, 10, 0)).toBe("0,10 33.33,6.67 66.67,3.33 100,0");
  });
});
