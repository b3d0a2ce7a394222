// The HTML chart views as markup: what a browser, a screen reader and the snapshot renderer get.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ResultColumn } from "@/lib/warehouse/types";
import { BigNumberView } from "./BigNumberView";
import { ChartView } from "./ChartView";
import { DataTable } from "./DataTable";
import { PivotTableView } from "./PivotTableView";

const col = (name: string, type: ResultColumn["type"]): ResultColumn => ({ name, type, dbType: type === "number" ? "int8" : "text" });
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("DataTable", () => {
  it("draws at most 1,000 rows of a big result and says so", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [i, `name ${i}`]);
    const html = renderToStaticMarkup(createElement(DataTable, { columns: [col("id", "number"), col("name", "string")], rows, caption: "Users" }));
    expect(count(html, "<tr>")).toBe(1 + 1000);
    expect(html).toContain("Showing the first 1,000 of 100,000 rows.");
    expect(html).toContain("<caption");
  });

  it("shows NULL apart from the empty string, formats numbers and colours matching cells", () => {
    const html = renderToStaticMarkup(
      createElement(DataTable, {
        columns: [col("name", "string"), col("revenue", "number")],
        rows: [
          [null, 1500.5],
          ["", -3],
        ],
        config: { format: "currency", conditionalFormats: [{ column: "revenue", operator: "<", value: 0, color: "#d64545" }] },
      }),
    );
    expect(html).toMatch(/<td class="[^"]*null[^"]*">NULL<\/td><td class="[^"]*num[^"]*">\$1,500\.50<\/td>/);
    expect(html).toContain('<td></td><td class="');
    expect(html).toContain('style="background:#d64545;color:#ffffff">-$3</td>');
    expect(html).not.toContain("Showing the first");
  });
});

describe("BigNumberView", () => {
  it("shows the value, the coloured change with an arrow and a sparkline with a title", () => {
    const html = renderToStaticMarkup(
      createElement(BigNumberView, {
        result: {
          columns: [col("week", "date"), col("signups", "number")],
          rows: [
            ["2024-01-01", 100],
            ["2024-01-08", 150],
            ["2024-01-15", 120],
          ],
        },
        config: { increaseIsGood: true },
      }),
    );
    expect(html).toContain(">120</div>");
    expect(html).toContain("▼</span>-20.0% vs previous period");
    expect(html).toMatch(/class="[^"]*changeBad[^"]*"/);
    expect(html).toContain("<title>signups over the last 3 periods: from 100 to 120</title>");
    expect(html).toContain('points="0,30 60,2 120,18.8"');
  });
});

describe("PivotTableView", () => {
  it("draws headers with scopes, cells and totals", () => {
    const html = renderToStaticMarkup(
      createElement(PivotTableView, {
        title: "Units",
        result: {
          columns: [col("region", "string"), col("product", "string"), col("units", "number")],
          rows: [
            ["west", "a", 1],
            ["west", "b", 2],
            ["east", "a", 3],
          ],
        },
      }),
    );
    expect(html).toContain('<th scope="col" rowSpan="1"');
    expect(count(html, 'scope="row"')).toBe(3); // west, east, Total
    expect(html).toMatch(/<th scope="row"[^>]*>west<\/th><td[^>]*>1<\/td><td[^>]*>2<\/td><td[^>]*>3<\/td>/);
    expect(html).toMatch(/<th scope="row"[^>]*>east<\/th><td[^>]*>3<\/td><td[^>]*><\/td><td[^>]*>3<\/td>/);
    expect(html).toMatch(/>Total<\/th><td[^>]*>4<\/td><td[^>]*>2<\/td><td[^>]*>6<\/td>/);
    expect(html).toContain("Sum of units by product");
  });
});

describe("ChartView", () => {
  const kpi = { columns: [col("n", "number")], rows: [[42]] };

  it("routes number, table and pivot to HTML views that are rendered at once", () => {
    for (const vizType of ["number", "table", "pivot"] as const) {
      const html = renderToStaticMarkup(createElement(ChartView, { result: kpi, vizType, title: "Answer" }));
      expect(html).toContain('data-chart-status="rendered"');
      expect(html).toContain("42");
    }
  });

  it("offers the Data toggle except on tables and snapshots", () => {
    const toggle = '<button type="button"';
    expect(renderToStaticMarkup(createElement(ChartView, { result: kpi, vizType: "number" }))).toContain('aria-pressed="false"');
    expect(renderToStaticMarkup(createElement(ChartView, { result: kpi, vizType: "table" }))).not.toContain(toggle);
    expect(renderToStaticMarkup(createElement(ChartView, { result: kpi, vizType: "number", showDataToggle: false }))).not.toContain(toggle);
  });

  it("labels the chart figure with the title (ECharts labels the image inside) and starts pending", () => {
    const result = { columns: [col("day", "string"), col("n", "number")], rows: [["a", 1], ["b", 2]] };
    const html = renderToStaticMarkup(createElement(ChartView, { result, vizType: "bar", title: "Signups" }));
    expect(html).toContain('role="figure" aria-label="Signups"');
    expect(html).toContain('role="img"');
    expect(html).toContain('data-chart-status="pending"');
  });

  it("says No rows for an empty result", () => {
    const html = renderToStaticMarkup(createElement(ChartView, { result: { columns: [col("n", "number")], rows: [] }, vizType: "line" }));
    expect(html).toContain("No rows");
    expect(html).toContain('data-chart-status="rendered"');
  });

  it("shows the builder's notes in the line under the drawn chart, beside the Data toggle", () => {
    const rows = Array.from({ length: 40 }, (_, k) => ["US", `plan ${k + 1}`, k + 1]);
    const result = { columns: [col("country", "string"), col("plan", "string"), col("users", "number")], rows };
    const html = renderToStaticMarkup(createElement(ChartView, { result, vizType: "bar", title: "Users by plan" }));
    const canvas = html.indexOf('role="img"');
    const note = html.indexOf(">Showing the 25 largest of 40 series</p>");
    const toggle = html.indexOf('aria-pressed="false"');
    expect([canvas > 0, note > canvas, toggle > note]).toEqual([true, true, true]);
  });

  it("names every HTML view after the chart's title for screen readers", () => {
    const number = renderToStaticMarkup(createElement(ChartView, { result: kpi, vizType: "number", title: "Weekly revenue" }));
    expect(number).toContain('role="figure" aria-label="Weekly revenue"');
    const table = renderToStaticMarkup(createElement(ChartView, { result: kpi, vizType: "table", title: "Weekly revenue" }));
    expect(table).toMatch(/<caption[^>]*>Weekly revenue<\/caption>/);
  });
});
