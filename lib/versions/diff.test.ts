import { describe, expect, it } from "vitest";
import { chartChangeSummary, collapseUnchanged, dashboardChangeSummary, diffLines, diffSettings, diffTiles, type LayoutTile } from "./diff";

const compact = (lines: ReturnType<typeof diffLines>) => lines.map((l) => `${l.op === "same" ? " " : l.op === "add" ? "+" : "-"}${l.text}`);

describe("diffLines", () => {
  it("marks the one changed line of a query and numbers both sides", () => {
    const before = "select week, count(*)\nfrom signups\nwhere client = 'web'\ngroup by 1";
    const after = "select week, count(*)\nfrom signups\nwhere client = 'iphone'\ngroup by 1";
    expect(diffLines(before, after)).toEqual([
      { op: "same", text: "select week, count(*)", oldLine: 1, newLine: 1 },
      { op: "same", text: "from signups", oldLine: 2, newLine: 2 },
      { op: "del", text: "where client = 'web'", oldLine: 3 },
      { op: "add", text: "where client = 'iphone'", newLine: 3 },
      { op: "same", text: "group by 1", oldLine: 4, newLine: 4 },
    ]);
  });

  it("finds the shortest edit between reordered and inserted lines", () => {
    expect(compact(diffLines("from a\nwhere x", "from a\njoin b using (id)\nwhere x"))).toEqual([" from a", "+join b using (id)", " where x"]);
    const ops = diffLines("a\nb\nc\na\nb\nb\na", "c\nb\na\nb\na\nc");
    // Myers' example: 5 edits is the minimum for these two sequences.
    expect(ops.filter((l) => l.op !== "same")).toHaveLength(5);
    expect(ops.filter((l) => l.op !== "add").map((l) => l.text)).toEqual(["a", "b", "c", "a", "b", "b", "a"]);
    expect(ops.filter((l) => l.op !== "del").map((l) => l.text)).toEqual(["c", "b", "a", "b", "a", "c"]);
  });

  it("treats empty text as no lines and Windows line ends like Unix ones", () => {
    expect(diffLines("", "select 1")).toEqual([{ op: "add", text: "select 1", newLine: 1 }]);
    expect(diffLines("select 1", "")).toEqual([{ op: "del", text: "select 1", oldLine: 1 }]);
    expect(diffLines("a\r\nb", "a\nb")).toEqual([
      { op: "same", text: "a", oldLine: 1, newLine: 1 },
      { op: "same", text: "b", oldLine: 2, newLine: 2 },
    ]);
    expect(diffLines("", "")).toEqual([]);
  });

  it("stays correct on long texts with many changes", () => {
    const before = Array.from({ length: 3000 }, (_, i) => `line ${i}`).join("\n");
    const after = Array.from({ length: 3000 }, (_, i) => (i % 2 ? `line ${i}` : `changed ${i}`)).join("\n");
    const ops = diffLines(before, after);
    expect(ops.filter((l) => l.op !== "add").map((l) => l.text).join("\n")).toBe(before);
    expect(ops.filter((l) => l.op !== "del").map((l) => l.text).join("\n")).toBe(after);
  });
});

describe("collapseUnchanged", () => {
  it("keeps context around changes and counts the lines left out", () => {
    const before = Array.from({ length: 12 }, (_, i) => `l${i + 1}`).join("\n");
    const after = before.replace("l6", "L6");
    const rows = collapseUnchanged(diffLines(before, after), 2);
    expect(rows.map((r) => (r.op === "gap" ? `… ${r.count}` : `${r.op === "same" ? " " : r.op === "add" ? "+" : "-"}${r.text}`))).toEqual([
      "… 3",
      " l4",
      " l5",
      "-l6",
      "+L6",
      " l7",
      " l8",
      "… 4",
    ]);
  });
});

describe("diffSettings", () => {
  it("lists added, removed and changed settings by path, lists of plain values whole", () => {
    const before = { x: "week", y: ["signups"], yAxis: { title: "Users", log: false }, legend: "auto" };
    const after = { x: "week", y: ["signups", "target"], yAxis: { title: "Users" }, stacking: "stacked", legend: "auto" };
    expect(diffSettings(before, after)).toEqual([
      { path: "y", change: "changed", before: '["signups"]', after: '["signups","target"]' },
      { path: "yAxis.log", change: "removed", before: "false" },
      { path: "stacking", change: "added", after: '"stacked"' },
    ]);
  });

  it("walks into lists of objects by index, and finds nothing between equal settings", () => {
    const rule = { column: "churn", operator: ">", value: 0.05, color: "#ff0000" };
    expect(diffSettings({ conditionalFormats: [rule] }, { conditionalFormats: [{ ...rule, color: "#00ff00" }] })).toEqual([
      { path: "conditionalFormats[0].color", change: "changed", before: '"#ff0000"', after: '"#00ff00"' },
    ]);
    expect(diffSettings({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toEqual([]);
    expect(diffSettings({}, { colors: {} })).toEqual([{ path: "colors", change: "added", after: "{}" }]);
  });
});

describe("summaries", () => {
  const chart = { title: "Signups", description: "", sql: "select 1", dataSourceId: "ds", vizType: "line", vizConfig: {}, parameters: [] };
  it("names what a chart save changed", () => {
    expect(chartChangeSummary(chart, { ...chart, sql: "select 2", vizConfig: { x: "week" } })).toEqual(["SQL", "settings"]);
    expect(chartChangeSummary(chart, { ...chart, title: "Weekly signups", description: "Users who signed up." })).toEqual(["title", "definition"]);
    expect(chartChangeSummary(chart, chart)).toEqual(["no changes"]);
    expect(chartChangeSummary(null, chart)).toEqual(["first saved version"]);
  });

  it("names what a dashboard save changed", () => {
    const tile: LayoutTile = { kind: "chart", chartId: "c1", text: "", x: 0, y: 0, w: 6, h: 4, position: 0 };
    const layout = { title: "Exec", description: "", filters: [], tags: ["weekly"], tiles: [tile] };
    expect(dashboardChangeSummary(layout, { ...layout, tags: ["weekly", "finance"], tiles: [{ ...tile, w: 12 }] })).toEqual(["tags", "layout"]);
  });
});

describe("diffTiles", () => {
  const t = (over: Partial<LayoutTile>): LayoutTile => ({ kind: "chart", chartId: null, text: "", x: 0, y: 0, w: 6, h: 4, position: 0, ...over });
  it("pairs tiles by chart and by text and says what happened to each", () => {
    const before = [
      t({ chartId: "signups", x: 0 }),
      t({ chartId: "revenue", x: 6 }),
      t({ kind: "header", text: "Growth", y: 4, w: 12, h: 1 }),
      t({ kind: "text", text: "Numbers are weekly.", y: 5 }),
    ];
    const after = [
      t({ chartId: "revenue", x: 0 }),
      t({ kind: "header", text: "Growth", y: 4, w: 12, h: 1 }),
      t({ kind: "text", text: "Numbers are weekly, Monday to Sunday.", y: 5 }),
      t({ chartId: "churn", x: 6, w: 6 }),
    ];
    expect(diffTiles(before, after, { signups: "Signups", revenue: "Revenue" })).toEqual([
      { change: "edited", kind: "text", label: "Numbers are weekly, Monday to Sunday.", before: "Numbers are weekly.", after: "Numbers are weekly, Monday to Sunday." },
      { change: "moved", kind: "chart", label: "Revenue", before: "column 7, row 1, 6×4", after: "column 1, row 1, 6×4" },
      { change: "removed", kind: "chart", label: "Signups", before: "column 1, row 1, 6×4" },
      { change: "added", kind: "chart", label: "a deleted chart", after: "column 7, row 1, 6×4" },
    ]);
  });
});
