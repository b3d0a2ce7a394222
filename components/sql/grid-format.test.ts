import { describe, expect, it } from "vitest";
import { cellTitle, copyValue, displayValue, sortRows, typeLabel } from "./grid-format";

const num = { type: "number", dbType: "int8" } as const;
const date = { type: "date", dbType: "date" } as const;
const tstz = { type: "timestamp", dbType: "timestamptz" } as const;
const ts = { type: "timestamp", dbType: "timestamp" } as const;
const text = { type: "string", dbType: "text" } as const;
const json = { type: "json", dbType: "jsonb" } as const;

describe("displayValue", () => {
  it("formats numbers with thousands separators", () => {
    expect(displayValue(1234567, num)).toBe("1,234,567");
    expect(displayValue(-1234.5, num)).toBe("-1,234.5");
    expect(displayValue("12345678901234567890.25", { type: "number", dbType: "numeric" })).toBe("12,345,678,901,234,567,890.25");
    expect(displayValue(12, num)).toBe("12");
  });
  it("formats dates and timestamps", () => {
    expect(displayValue("2024-01-05", date)).toBe("2024-01-05");
    expect(displayValue("2024-01-05T13:45:00.123Z", tstz)).toBe("2024-01-05 13:45:00+00");
    expect(displayValue("2024-01-05T13:45:00.123456", ts)).toBe("2024-01-05 13:45:00");
  });
  it("shows JSON compactly and NULL distinctly from empty text", () => {
    expect(displayValue({ a: [1, 2] }, json)).toBe('{"a":[1,2]}');
    expect(displayValue(null, text)).toBe("NULL");
    expect(displayValue("", text)).toBe("");
  });
  it("copies numbers raw and NULL as empty", () => {
    expect(copyValue(1234567, num)).toBe("1234567");
    expect(copyValue(null, num)).toBe("");
  });
  it("copies timestamps with their fraction of a second, which the grid does not show", () => {
    expect(copyValue("2024-01-05T13:45:00.123Z", tstz)).toBe("2024-01-05 13:45:00.123+00");
    expect(copyValue("2024-01-05T13:45:00.123456", ts)).toBe("2024-01-05 13:45:00.123456");
    expect(copyValue("2024-01-05T13:45:00", ts)).toBe("2024-01-05 13:45:00");
  });
});

describe("sortRows", () => {
  it("sorts numbers numerically with NULLs last in both directions", () => {
    const rows = [[10], [null], [9], ["100"], [-1]];
    expect(sortRows(rows, 0, num, "asc")).toEqual([4, 2, 0, 3, 1]);
    expect(sortRows(rows, 0, num, "desc")).toEqual([3, 0, 2, 4, 1]);
  });
  it("sorts dates chronologically", () => {
    const rows = [["2024-02-01T00:00:00Z"], ["2023-12-31T23:00:00Z"], [null], ["2024-01-15T00:00:00Z"]];
    expect(sortRows(rows, 0, tstz, "asc")).toEqual([1, 3, 0, 2]);
  });
  it("sorts text naturally", () => {
    expect(sortRows([["b"], ["a10"], ["a9"], [null], ["A1"]], 0, text, "asc")).toEqual([4, 2, 1, 0, 3]);
  });
});

describe("typeLabel", () => {
  it("shows array types as element[] and every other type as PostgreSQL names it", () => {
    expect(typeLabel("_int4")).toBe("int4[]");
    expect(typeLabel("_text")).toBe("text[]");
    expect(typeLabel("timestamptz")).toBe("timestamptz");
    expect(typeLabel("my_enum")).toBe("my_enum");
  });
});

describe("cellTitle", () => {
  it("gives long texts a tooltip with the whole text, cut at 2,000 characters", () => {
    expect(cellTitle("short")).toBeUndefined();
    const long = "abcdefghij ".repeat(10);
    expect(cellTitle(long)).toBe(long);
    expect(cellTitle("x".repeat(2500))).toBe(`${"x".repeat(2000)}…`);
  });
});
