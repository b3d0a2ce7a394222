import { describe, expect, it } from "vitest";
import type { DashboardFilter } from "@/lib/dashboard-filters/schema";
import { draftsToFilters, filterTypesFor, labelFromName, newDraft, toDraft } from "./filter-drafts";

const options = { dataSourceId: "ds1", sql: "select distinct region from users" };

describe("filter drafts", () => {
  it.each<DashboardFilter>([
    { name: "period", label: "Period", type: "date_range" },
    { name: "period", label: "Period", type: "date_range", default: "last_5_weeks" },
    { name: "period", label: "Period", type: "date_range", default: { start: "2024-01-01", end: "2024-01-31" } },
    { name: "region", label: "Region", type: "select", options, default: "EMEA" },
    { name: "regions", label: "Regions", type: "select", options, multiple: true, default: ["EMEA", "APAC"] },
    { name: "q", label: "Search", type: "text", default: "acme" },
    { name: "q", label: "Search", type: "text" },
  ])("round-trips %o", (filter) => {
    expect(draftsToFilters([toDraft(filter, "k")])).toEqual({ ok: true, filters: [filter] });
  });

  it("starts a new filter from the parameter it sets", () => {
    expect(newDraft("k", { name: "signup_region", type: "list" }, "ds1")).toMatchObject({
      name: "signup_region",
      label: "Signup region",
      type: "select",
      multiple: true,
      dataSourceId: "ds1",
    });
    expect(newDraft("k", { name: "period", type: "date_range" }).type).toBe("date_range");
    expect(filterTypesFor("number")).toEqual([]);
    expect(labelFromName("__x")).toBe("X");
  });

  it("names the filter in each problem", () => {
    const draft = { ...newDraft("k", { name: "region", type: "text" }), type: "select" as const, label: "Region" };
    const result = draftsToFilters([draft]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        "Filter 1 (Region): Pick the data source of the drop-down's values.",
        "Filter 1 (Region): Write the query whose first column lists the drop-down's values.",
      ]);
    }
  });
});
