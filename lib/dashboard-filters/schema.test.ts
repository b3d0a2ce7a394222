import { describe, expect, it } from "vitest";
import { dashboardFilterSchema, dashboardFiltersSchema, effectiveFilterValue, filtersOf, isEmptyFilterValue } from "./schema";

const options = { dataSourceId: "ds1", sql: "select distinct region from users order by 1" };

describe("dashboard filter definitions", () => {
  it("accepts the three kinds with their defaults", () => {
    const filters = [
      { name: "period", label: "Period", type: "date_range", default: "last_5_weeks" },
      { name: "range", label: "Range", type: "date_range", default: { start: "2024-01-01", end: "2024-01-31" } },
      { name: "region", label: " Region ", type: "select", options, default: "EMEA" },
      { name: "regions", label: "Regions", type: "select", options, multiple: true, default: ["EMEA"] },
      { name: "q", label: "Search", type: "text" },
    ];
    const parsed = dashboardFiltersSchema.parse(filters);
    expect(parsed[2].label).toBe("Region");
    expect(parsed).toHaveLength(5);
  });

  it.each([
    ["a name that is not a parameter name", { name: "1st", label: "x", type: "text" }],
    ["a name with a dot", { name: "a.b", label: "x", type: "text" }],
    ["an empty label", { name: "a", label: "  ", type: "text" }],
    ["an unknown preset", { name: "a", label: "x", type: "date_range", default: "yesterday" }],
    ["a range that ends before it starts", { name: "a", label: "x", type: "date_range", default: { start: "2024-02-01", end: "2024-01-01" } }],
    ["a day that does not exist", { name: "a", label: "x", type: "date_range", default: { start: "2023-02-29", end: "2023-03-01" } }],
    ["a drop-down without its query", { name: "a", label: "x", type: "select" }],
    ["a drop-down with blank SQL", { name: "a", label: "x", type: "select", options: { dataSourceId: "ds1", sql: "  " } }],
    ["a list default on a single choice", { name: "a", label: "x", type: "select", options, default: ["x"] }],
    ["one default on a multiple choice", { name: "a", label: "x", type: "select", options, multiple: true, default: "x" }],
    ["an unknown type", { name: "a", label: "x", type: "number" }],
  ])("refuses %s", (_, filter) => {
    expect(dashboardFilterSchema.safeParse(filter).success).toBe(false);
  });

  it("refuses two filters on the same parameter", () => {
    const result = dashboardFiltersSchema.safeParse([
      { name: "q", label: "A", type: "text" },
      { name: "q", label: "B", type: "text" },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: [1, "name"], message: "Two filters set the parameter q: keep one." });
  });

  it("reads stored definitions leniently, dropping invalid entries and repeated names", () => {
    expect(filtersOf(null)).toEqual([]);
    expect(filtersOf({ not: "a list" })).toEqual([]);
    expect(
      filtersOf([{ name: "since", type: "date" }, { name: "q", label: "Search", type: "text" }, { name: "q", label: "Again", type: "text" }]),
    ).toEqual([{ name: "q", label: "Search", type: "text" }]);
  });

  it("takes the given value over the default, and null clears it", () => {
    const f = { name: "q", label: "Search", type: "text" as const, default: "a" };
    expect(effectiveFilterValue(f, {})).toBe("a");
    expect(effectiveFilterValue(f, { q: "b" })).toBe("b");
    expect(effectiveFilterValue(f, { q: null })).toBeNull();
    expect([null, "", [], undefined].every(isEmptyFilterValue)).toBe(true);
    expect(isEmptyFilterValue("last_7_days")).toBe(false);
  });
});
