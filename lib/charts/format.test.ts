import { describe, expect, it } from "vitest";
import { categoryLabel, formatNumber, formatValue, toNumber } from "./format";
import { toEpochMs } from "./time";

describe("formatNumber", () => {
  it("formats plain numbers", () => {
    expect(formatNumber(1234567.891)).toBe("1,234,567.89");
    expect(formatNumber(-3)).toBe("-3");
    expect(formatNumber(1234, "number", { compact: true })).toBe("1.2K");
    expect(formatNumber(999, "number", { compact: true })).toBe("999");
    expect(formatNumber(2_500_000, "number", { compact: true })).toBe("2.5M");
  });

  it("formats currency and percent", () => {
    expect(formatNumber(1234.5, "currency")).toBe("$1,234.50");
    expect(formatNumber(1234, "currency")).toBe("$1,234");
    expect(formatNumber(1_234_000, "currency", { compact: true })).toBe("$1.2M");
    expect(formatNumber(30_000, "currency", { compact: true })).toBe("$30K");
    expect(formatNumber(0.256, "percent")).toBe("25.6%");
    expect(formatNumber(1, "percent", { compact: true })).toBe("100%");
  });
});

describe("values", () => {
  it("toNumber reads numbers and numeric strings only", () => {
    expect(toNumber(3)).toBe(3);
    expect(toNumber("9007199254740993")).toBe(9007199254740992);
    expect(toNumber("12.50")).toBe(12.5);
    expect(toNumber("abc")).toBeNull();
    expect(toNumber("")).toBeNull();
    expect(toNumber(null)).toBeNull();
    expect(toNumber(true)).toBeNull();
  });

  it("formatValue and categoryLabel", () => {
    expect(formatValue(null)).toBe("–");
    expect(formatValue("1234.5", "currency")).toBe("$1,234.50");
    expect(formatValue("web")).toBe("web");
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(categoryLabel(null)).toBe("NULL");
    expect(categoryLabel(true)).toBe("true");
  });

  it("toEpochMs reads dates as UTC and honours offsets", () => {
    expect(toEpochMs("2024-01-05")).toBe(Date.UTC(2024, 0, 5));
    expect(toEpochMs("2024-01-05T13:45:00.123456")).toBe(Date.UTC(2024, 0, 5, 13, 45, 0, 123));
    expect(toEpochMs("2024-01-05T13:45:00.000Z")).toBe(Date.UTC(2024, 0, 5, 13, 45));
    expect(toEpochMs("2024-01-05T13:45:00+05:30")).toBe(Date.UTC(2024, 0, 5, 8, 15));
    expect(toEpochMs("infinity")).toBeNull();
    expect(toEpochMs(null)).toBeNull();
  });
});

describe("value format options", () => {
  it("uses the currency code and fixed decimals", () => {
    expect(formatNumber(1234.5, { format: "currency", currency: "EUR" })).toBe("€1,234.50");
    expect(formatNumber(1234.5, { format: "number", decimals: 0 })).toBe("1,235");
    expect(formatNumber(0.25, { format: "percent", decimals: 2 })).toBe("25.00%");
    expect(formatNumber(1234, { format: "currency", decimals: 1 })).toBe("$1,234.0");
    expect(formatNumber(1_234_000, { format: "currency", currency: "GBP" }, { compact: true })).toBe("£1.2M");
    expect(formatValue("12.5", { format: "currency", currency: "USD", decimals: 0 })).toBe("$13");
  });
});
