// The bar as the server renders it on first paint: each control named by its filter's label, showing the
// values in effect.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DashboardFilter } from "@/lib/dashboard-filters/schema";
import { dashboardOptionsUrl, FilterBar } from "./FilterBar";

const options = { dataSourceId: "ds1", sql: "select region from users" };
const FILTERS: DashboardFilter[] = [
  { name: "period", label: "Period", type: "date_range", default: "last_7_days" },
  { name: "region", label: "Region", type: "select", options },
  { name: "regions", label: "Regions", type: "select", options, multiple: true },
  { name: "q", label: "Search", type: "text", default: "acme" },
];

function render(values: Record<string, unknown>) {
  return renderToStaticMarkup(
    createElement(FilterBar, { optionsUrl: dashboardOptionsUrl("d1"), filters: FILTERS, values: values as never, onChange: () => {}, today: "2024-03-13" }),
  );
}

/** The text of the <label for=id> of each control id, keyed by the control's tag. */
function labelsOf(html: string): string[] {
  const labels = [...html.matchAll(/<label[^>]*for="([^"]+)"[^>]*>([^<]*)<\/label>/g)];
  return labels.filter(([, id]) => html.includes(`id="${id}"`)).map(([, , text]) => text);
}

describe("FilterBar", () => {
  it("labels each control with its filter's label", () => {
    const html = render({});
    expect(labelsOf(html)).toEqual(["Period", "Region", "Search"]);
    expect(html).toContain('aria-label="Regions: All"');
    expect(html).toContain('role="group" aria-label="Filters"');
  });

  it("shows the defaults, with the days a preset covers", () => {
    const html = render({});
    expect(html).toMatch(/<option value="last_7_days" selected="">Last 7 days<\/option>/);
    expect(html).toContain("Mar 7 – Mar 13, 2024");
    expect(html).toContain('value="acme"');
    expect(html).not.toContain("Reset filters");
  });

  it("shows the values set, a custom range with its two dates, and offers a reset", () => {
    const html = render({ period: { start: "2024-01-01", end: "2024-01-31" }, region: "EMEA", regions: ["EMEA", "APAC"], q: null });
    expect(html).toContain('aria-label="Period from" value="2024-01-01"');
    expect(html).toContain('aria-label="Period to" value="2024-01-31"');
    expect(html).toMatch(/<option value="EMEA" selected="">EMEA<\/option>/);
    expect(html).toContain('aria-label="Regions: EMEA, APAC"');
    expect(html).toContain("Reset filters");
  });

  it("renders nothing without filters", () => {
    expect(renderToStaticMarkup(createElement(FilterBar, { optionsUrl: dashboardOptionsUrl("d1"), filters: [], values: {}, onChange: () => {} }))).toBe("");
  });
});
