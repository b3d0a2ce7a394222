import { describe, expect, it } from "vitest";
import type { ResultColumn } from "@/lib/warehouse/types";
import { pivotOf, pivotValueLabel, resolvePivotFields } from "./pivot";

const col = (name: string, type: ResultColumn["type"]): ResultColumn => ({ name, type, dbType: type === "number" ? "numeric" : "text" });

// Sales by region and product, in the query's order (west first, then east; product b before a).
const sales = {
  columns: [col("region", "string"), col("product", "string"), col("units", "number")],
  rows: [
    ["west", "b", 10],
    ["west", "a", 4],
    ["east", "a", 6],
    ["west", "b", 20],
    ["east", "a", null],
    ["east", "c", 1],
  ],
};

describe("pivotOf", () => {
  it("sums with the default fields, headers in order of first appearance", () => {
    expect(pivotOf(sales)).toEqual({
      rowFields: ["region"],
      columnFields: ["product"],
      valueField: "units",
      aggregate: "sum",
      rowHeaders: [["west"], ["east"]],
      columnHeaders: [["b"], ["a"], ["c"]],
      cells: [
        [30, 4, null],
        [null, 6, 1],
      ],
      totals: { rows: [34, 7], columns: [30, 10, 1], grand: 41 },
      totalRows: 2,
      totalColumns: 3,
      notes: [],
    });
  });

  it("counts non-null values", () => {
    const p = pivotOf(sales, { aggregate: "count" });
    expect(p.cells).toEqual([
      [2, 1, null],
      [null, 1, 1],
    ]);
    expect(p.totals).toEqual({ rows: [3, 2], columns: [2, 2, 1], grand: 5 });
  });

  it("averages the underlying values in totals, not the cell averages", () => {
    const p = pivotOf(sales, { aggregate: "avg" });
    expect(p.cells).toEqual([
      [15, 4, null],
      [null, 6, 1],
    ]);
    // west: (10 + 4 + 20) / 3, not (15 + 4) / 2; east: (6 + 1) / 2, NULL ignored.
    expect(p.totals).toEqual({ rows: [34 / 3, 3.5], columns: [15, 5, 1], grand: 41 / 5 });
  });

  it("takes min and max, ignoring NULLs", () => {
    expect(pivotOf(sales, { aggregate: "min" }).cells).toEqual([
      [10, 4, null],
      [null, 6, 1],
    ]);
    const max = pivotOf(sales, { aggregate: "max" });
    expect(max.cells).toEqual([
      [20, 4, null],
      [null, 6, 1],
    ]);
    expect(max.totals).toEqual({ rows: [20, 6], columns: [20, 6, 1], grand: 20 });
  });

  it("gives null, not 0, for a cell whose values are all NULL (count gives 0)", () => {
    const result = { columns: sales.columns, rows: [["north", "a", null]] };
    expect(pivotOf(result).cells).toEqual([[null]]);
    expect(pivotOf(result, { aggregate: "count" }).cells).toEqual([[0]]);
  });

  it("pivots by several row and column fields, reading numeric strings", () => {
    const result = {
      columns: [col("year", "string"), col("region", "string"), col("channel", "string"), col("plan", "string"), col("amount", "number")],
      rows: [
        ["2023", "west", "web", "plus", "1.5"],
        ["2023", "west", "app", "pro", 2],
        ["2024", "east", "web", "plus", 3],
        ["2024", "east", "web", "plus", 4],
      ],
    };
    const p = pivotOf(result, { rows: ["year", "region"], columns: ["channel", "plan"], value: "amount", totals: false });
    expect(p.rowHeaders).toEqual([
      ["2023", "west"],
      ["2024", "east"],
    ]);
    expect(p.columnHeaders).toEqual([
      ["web", "plus"],
      ["app", "pro"],
    ]);
    expect(p.cells).toEqual([
      [1.5, 2],
      [7, null],
    ]);
    expect(p.totals).toBeUndefined();
  });

  it("keeps NULL as its own header, distinct from the text 'null'", () => {
    const result = { columns: [col("k", "string"), col("v", "number")], rows: [[null, 1], ["null", 2], [null, 3]] };
    const p = pivotOf(result);
    expect(p.rowHeaders).toEqual([[null], ["null"]]);
    expect(p.columnHeaders).toEqual([[]]);
    expect(p.cells).toEqual([[4], [2]]);
  });

  it("caps rows and columns with a note; totals still cover every value", () => {
    const rows: unknown[][] = [];
    for (let r = 0; r < 5; r++) for (let c = 0; c < 4; c++) rows.push([`r${r}`, `c${c}`, 1]);
    const p = pivotOf({ columns: sales.columns, rows }, {}, { maxRows: 2, maxColumns: 3 });
    expect(p.rowHeaders).toEqual([["r0"], ["r1"]]);
    expect(p.columnHeaders).toEqual([["c0"], ["c1"], ["c2"]]);
    expect(p.cells).toEqual([
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(p.totals).toEqual({ rows: [4, 4], columns: [5, 5, 5], grand: 20 });
    expect([p.totalRows, p.totalColumns]).toEqual([5, 4]);
    expect(p.notes).toEqual(["Showing the first 2 of 5 rows and the first 3 of 4 columns."]);
  });

  it("counts rows when the result has no numeric column", () => {
    const result = { columns: [col("country", "string"), col("plan", "string")], rows: [["NL", "free"], ["NL", "pro"], ["NL", "free"]] };
    const p = pivotOf(result, { aggregate: "sum" });
    expect([p.valueField, p.aggregate]).toEqual([null, "count"]);
    expect(p.cells).toEqual([[2, 1]]);
    expect(pivotValueLabel(p)).toBe("Count of rows");
  });

  it("has no headers and no grand total for an empty result", () => {
    const p = pivotOf({ columns: sales.columns, rows: [] });
    expect([p.rowHeaders, p.columnHeaders, p.cells, p.totals]).toEqual([[], [], [], { rows: [], columns: [], grand: null }]);
  });
});

describe("resolvePivotFields", () => {
  const columns = [col("n", "number"), col("day", "date"), col("country", "string"), col("plan", "string"), col("amount", "number")];

  it("defaults rows to the first text/date column, columns to the next text column, value to the first number", () => {
    expect(resolvePivotFields(columns)).toEqual({ rowFields: ["day"], columnFields: ["country"], valueField: "n", aggregate: "sum" });
  });

  it("fills in around the fields the settings name, and ignores columns the result no longer has", () => {
    expect(resolvePivotFields(columns, { rows: ["country"], value: "amount", aggregate: "avg" })).toEqual({
      rowFields: ["country"],
      columnFields: ["plan"],
      valueField: "amount",
      aggregate: "avg",
    });
    expect(resolvePivotFields(columns, { rows: ["gone"], columns: ["plan"], value: "gone" })).toEqual({
      rowFields: ["day"],
      columnFields: ["plan"],
      valueField: "n",
      aggregate: "sum",
    });
    // An explicit empty list means "no column headers".
    expect(resolvePivotFields(columns, { columns: [] }).columnFields).toEqual([]);
  });

  it("labels the value", () => {
    expect(pivotValueLabel({ aggregate: "avg", valueField: "amount" })).toBe("Average of amount");
  });
});
