import { describe, expect, it } from "vitest";
import type { DashboardFilter, FilterValues } from "./schema";
import { decodeFilterValues, encodeFilterValues, filterQueryString, withFilterValues } from "./url";

const options = { dataSourceId: "ds1", sql: "select region from users" };
const FILTERS: DashboardFilter[] = [
  { name: "period", label: "Period", type: "date_range", default: "last_30_days" },
  { name: "region", label: "Region", type: "select", options },
  { name: "regions", label: "Regions", type: "select", options, multiple: true },
  { name: "q", label: "Search", type: "text" },
];

function roundTrip(values: FilterValues): FilterValues {
  const qs = filterQueryString(FILTERS, values);
  return decodeFilterValues(FILTERS, new URLSearchParams(qs));
}

describe("filter values in the URL", () => {
  it("writes readable query strings", () => {
    expect(filterQueryString(FILTERS, { period: "last_7_days", region: "EMEA", regions: ["EMEA", "APAC"], q: "acme inc" })).toBe(
      "f.period=last_7_days&f.region=EMEA&f.regions=EMEA&f.regions=APAC&f.q=acme+inc",
    );
    expect(filterQueryString(FILTERS, { period: { start: "2024-01-01", end: "2024-01-31" } })).toBe("f.period=2024-01-01..2024-01-31");
    expect(filterQueryString(FILTERS, { region: null, regions: [], q: "" })).toBe("f.region=&f.regions=&f.q=");
    expect(filterQueryString(FILTERS, {})).toBe("");
  });

  it.each<[string, FilterValues]>([
    ["nothing set", {}],
    ["a preset", { period: "this_week" }],
    ["every preset", { period: "last_5_weeks" }],
    ["a custom range", { period: { start: "2024-02-01", end: "2024-02-29" } }],
    ["one value", { region: "EMEA" }],
    ["several values", { regions: ["EMEA", "APAC", "North America"] }],
    ["cleared filters", { period: null, region: null, regions: null, q: null }],
    ["text with every kind of character", { q: "'; drop table users; -- & f.q=x ü 100% ?=#" }],
    ["a text that looks like a preset", { q: "last_7_days" }],
    ["everything", { period: "last_90_days", region: "APAC", regions: ["a,b", "c"], q: "x" }],
  ])("round-trips %s", (_, values) => {
    expect(roundTrip(values)).toEqual(values);
  });

  it("reads Next's searchParams objects as well as URLSearchParams", () => {
    expect(decodeFilterValues(FILTERS, { "f.period": "last_7_days", "f.regions": ["EMEA", "APAC"], "f.q": undefined, tab: "x" })).toEqual({
      period: "last_7_days",
      regions: ["EMEA", "APAC"],
    });
  });

  it("ignores what does not fit a filter, so a stale link still opens", () => {
    const params = new URLSearchParams(
      "f.period=yesterday&f.region=EMEA&f.region=APAC&f.unknown=1&f.regions=&f.regions=EMEA&f.regions=EMEA&region=ignored",
    );
    expect(decodeFilterValues(FILTERS, params)).toEqual({ region: "EMEA", regions: ["EMEA"] });
    expect(decodeFilterValues(FILTERS, new URLSearchParams("f.period=2024-02-30..2024-03-01"))).toEqual({});
    expect(decodeFilterValues(FILTERS, new URLSearchParams("f.period=2024-03-01..2024-02-01"))).toEqual({});
    expect(decodeFilterValues(FILTERS, new URLSearchParams(`f.q=${"x".repeat(501)}`))).toEqual({});
  });

  it("writes only the first value of a single-choice filter", () => {
    expect(encodeFilterValues(FILTERS, { region: ["EMEA", "APAC"] })).toEqual([["f.region", "EMEA"]]);
  });

  it("replaces the filter parameters of a URL and keeps the page's own", () => {
    const next = withFilterValues("tab=charts&f.region=EMEA&f.gone=1&f.q=old", FILTERS, { region: "APAC", period: "last_7_days" });
    expect(next.toString()).toBe("tab=charts&f.period=last_7_days&f.region=APAC");
  });
});
