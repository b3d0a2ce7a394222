import { describe, expect, it } from "vitest";
import type { ParameterSpec } from "@/lib/queries/parameters";
import { bindFilters, chartParameterSpecs, filterBindsTo } from "./bind";
import type { DashboardFilter } from "./schema";

const options = { dataSourceId: "ds1", sql: "select 1" };
const period: DashboardFilter = { name: "period", label: "Period", type: "date_range" };
const region: DashboardFilter = { name: "region", label: "Region", type: "select", options };
const regions: DashboardFilter = { name: "regions", label: "Regions", type: "select", options, multiple: true };
const q: DashboardFilter = { name: "q", label: "Search", type: "text" };
const TODAY = "2024-03-13";

describe("filterBindsTo", () => {
  it.each<[DashboardFilter, ParameterSpec["type"], boolean]>([
    [period, "date_range", true],
    [period, "date", false],
    [period, "text", false],
    [region, "text", true],
    [region, "list", true],
    [region, "number", false],
    [regions, "list", true],
    [regions, "text", false],
    [q, "text", true],
    [q, "list", false],
    [q, "number", false],
  ])("%o ↔ %s: %s", (filter, type, expected) => {
    expect(filterBindsTo(filter, { type })).toBe(expected);
  });
});

describe("bindFilters", () => {
  const specs: ParameterSpec[] = [
    { name: "period", type: "date_range", default: { start: "2024-01-01", end: "2024-02-01" } },
    { name: "region", type: "list" },
    { name: "q", type: "text", default: "all" },
  ];

  it("binds each filter to the chart parameter of its name, resolving presets against today", () => {
    expect(bindFilters([period, region, q], { period: "last_7_days", region: "EMEA", q: "acme" }, specs, TODAY)).toEqual({
      values: { period: { start: "2024-03-07", end: "2024-03-14" }, region: ["EMEA"], q: "acme" },
      applied: ["period", "region", "q"],
    });
  });

  it("leaves charts without the parameter, or with it typed otherwise, alone", () => {
    expect(bindFilters([period, region, q], { period: "last_7_days", region: "EMEA", q: "x" }, [{ name: "other", type: "text" }], TODAY)).toEqual({
      values: {},
      applied: [],
    });
    expect(bindFilters([regions], { regions: ["a"] }, [{ name: "regions", type: "text" }], TODAY)).toEqual({ values: {}, applied: [] });
  });

  it("leaves the chart's default (or optional clause) to an empty value", () => {
    expect(bindFilters([period, region, q], { period: null, region: "", q: null }, specs, TODAY)).toEqual({ values: {}, applied: [] });
    expect(bindFilters([regions], { regions: [] }, [{ name: "regions", type: "list" }], TODAY)).toEqual({ values: {}, applied: [] });
  });

  it("takes the filter's default when no value is given", () => {
    const withDefault: DashboardFilter = { ...period, default: { start: "2024-03-01", end: "2024-03-31" } };
    expect(bindFilters([withDefault], {}, specs, TODAY).values).toEqual({ period: { start: "2024-03-01", end: "2024-04-01" } });
    // An explicit null clears the default.
    expect(bindFilters([withDefault], { period: null }, specs, TODAY).values).toEqual({});
  });

  it("does not bind a value equal to the chart's default, so the default result serves it", () => {
    expect(bindFilters([period, q], { period: { start: "2024-01-01", end: "2024-01-31" }, q: "all" }, specs, TODAY)).toEqual({
      values: {},
      applied: ["period", "q"],
    });
    const listSpec: ParameterSpec[] = [{ name: "regions", type: "list", default: ["b", "a"] }];
    expect(bindFilters([regions], { regions: ["a", "b", "a"] }, listSpec, TODAY).values).toEqual({});
    expect(bindFilters([regions], { regions: ["c", "a"] }, listSpec, TODAY).values).toEqual({ regions: ["a", "c"] });
  });

  it("binds one drop-down value to a text parameter as text", () => {
    expect(bindFilters([region], { region: "EMEA" }, [{ name: "region", type: "text" }], TODAY).values).toEqual({ region: "EMEA" });
  });
});

describe("chartParameterSpecs", () => {
  it("adds placeholders the chart does not declare, typed by how the SQL uses them", () => {
    expect(
      chartParameterSpecs("select * from t where d >= {{p.start}} and d < {{ p.end }} [[and r = {{r}}]] and n = {{n}}", [
        { name: "n", type: "number", default: 3 },
      ]),
    ).toEqual([
      { name: "n", type: "number", default: 3 },
      { name: "p", type: "date_range" },
      { name: "r", type: "text" },
    ]);
  });
});
