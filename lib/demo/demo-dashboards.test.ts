import { describe, expect, it } from "vitest";
import { VIZ_TYPES, vizConfigSchema } from "@/lib/charts/schemas";
import { vizConfigColumns } from "./dashboards/viz-config-columns";
import { DEMO_CHARTS, DEMO_DASHBOARDS, TEARSHEET_WEEK_COLUMNS } from "./demo-dashboards";
import { DEMO_TABLES } from "./schema";

describe("demo dashboards", () => {
  it("are the four team dashboards, each with at least three charts", () => {
    expect(DEMO_DASHBOARDS.map((d) => d.title)).toEqual(["Executive weekly tearsheet", "Product", "Marketing", "Mobile"]);
    for (const d of DEMO_DASHBOARDS) {
      expect(d.tiles.filter((t) => t.kind === "chart").length, d.title).toBeGreaterThanOrEqual(3);
    }
  });

  it("lay tiles out on the 12-column grid without overlaps", () => {
    for (const d of DEMO_DASHBOARDS) {
      const taken = new Set<string>();
      for (const t of d.tiles) {
        expect(t.x >= 0 && t.w >= 1 && t.x + t.w <= 12 && t.y >= 0 && t.h >= 1, `${d.title}: tile at ${t.x},${t.y}`).toBe(true);
        for (let x = t.x; x < t.x + t.w; x++) {
          for (let y = t.y; y < t.y + t.h; y++) {
            expect(taken.has(`${x},${y}`), `${d.title}: overlap at ${x},${y}`).toBe(false);
            taken.add(`${x},${y}`);
          }
        }
      }
    }
  });
});

describe("demo charts", () => {
  const tableNames = new Set(DEMO_TABLES.map((t) => t.name));

  it("have unique keys and titles", () => {
    expect(new Set(DEMO_CHARTS.map((c) => c.key)).size).toBe(DEMO_CHARTS.length);
    expect(new Set(DEMO_CHARTS.map((c) => c.title)).size).toBe(DEMO_CHARTS.length);
  });

  it("each carry a written definition and a known visualisation", () => {
    for (const c of DEMO_CHARTS) {
      expect(c.description.length, c.key).toBeGreaterThan(80);
      expect(c.description, c.key).toMatch(/\*\*/);
      expect(VIZ_TYPES, c.key).toContain(c.vizType);
    }
  });

  it("have settings the chart schema accepts as they are, with nothing it would drop", () => {
    for (const c of DEMO_CHARTS) {
      expect(() => vizConfigSchema.strict().parse(c.vizConfig), c.key).not.toThrow();
      // Parsing strips unknown keys at every depth (axes, pivot, rules), so a round trip shows any.
      expect(vizConfigSchema.parse(c.vizConfig), c.key).toStrictEqual(c.vizConfig);
    }
  });

  it("show every chart type Spyglass has", () => {
    const shown = new Set(DEMO_CHARTS.map((c) => c.vizType));
    expect(VIZ_TYPES.filter((t) => t !== "auto" && !shown.has(t))).toEqual([]);
  });

  it("name in their settings only columns their SQL returns", () => {
    // The integration test checks against real results; here, each name must at least be an output name
    // of the SQL (an alias, or a column selected under its own name).
    for (const c of DEMO_CHARTS) {
      for (const column of vizConfigColumns(c.vizConfig)) {
        const asIdentifier = /^[a-z_][a-z0-9_]*$/.test(column) ? new RegExp(`\\b${column}\\b`) : null;
        const found = c.sql.includes(`"${column}"`) || (asIdentifier?.test(c.sql) ?? false);
        expect(found, `${c.key} draws ${column}`).toBe(true);
      }
    }
  });

  it("show the last weeks' big numbers with the change against the week before", () => {
    const numbers = DEMO_CHARTS.filter((c) => c.vizType === "number");
    expect(numbers.map((c) => c.key).sort()).toEqual([
      "exec-new-paid-last-week",
      "exec-revenue-last-week",
      "exec-signups-last-week",
      "exec-wau-last-week",
    ]);
    for (const c of numbers) {
      expect(c.title, c.key).toMatch(/, last week$/);
      expect(c.vizConfig, c.key).toMatchObject({ x: "week", comparison: "previous-period" });
      expect(c.vizConfig.y, c.key).toHaveLength(1);
      expect(c.sql, c.key).toMatch(/order by w\.week$/);
    }
    expect(numbers.find((c) => c.key === "exec-revenue-last-week")!.vizConfig.format).toBe("currency");
  });

  it("colour the tearsheet's distance from target", () => {
    const tearsheet = DEMO_CHARTS.find((c) => c.key === "exec-tearsheet")!;
    expect(tearsheet.vizConfig.conditionalFormats).toEqual([
      { column: "vs target (%)", operator: ">=", value: 0, color: "#d3f2e3" },
      { column: "vs target (%)", operator: "between", value: -5, value2: 0, color: "#fdf0c4" },
      { column: "vs target (%)", operator: "<", value: -5, color: "#f9d6d5" },
    ]);
  });

  it("query only schema-qualified demo tables, relative to the data rather than the clock", () => {
    for (const c of DEMO_CHARTS) {
      const sql = c.sql.replace(/extract\s*\(\s*\w+\s+from/gi, "extract(");
      const referenced = [...sql.matchAll(/\b(?:from|join)\s+([a-z_."]+)/gi)].map((m) => m[1]);
      for (const ref of referenced) {
        const isCte = new RegExp(`\\b${ref}\\b\\s*(\\([^)]*\\))?\\s+as\\s*\\(`, "i").test(c.sql);
        if (isCte || ref === "generate_series") continue;
        expect(ref, `${c.key} reads ${ref}`).toMatch(/^demo\.[a-z_]+$/);
        expect(tableNames.has(ref.slice(5)), `${c.key} reads ${ref}`).toBe(true);
      }
      expect(c.sql, c.key).not.toMatch(/\bnow\(\)|current_date|current_timestamp|localtimestamp/i);
      // Dashboard parameters are {{name}}; demo charts have none.
      expect(c.sql, c.key).not.toMatch(/\{\{|\[\[/);
    }
  });

  it("name the tearsheet's five week columns oldest first", () => {
    const tearsheet = DEMO_CHARTS.find((c) => c.key === "exec-tearsheet")!;
    for (const column of TEARSHEET_WEEK_COLUMNS) expect(tearsheet.sql).toContain(`as "${column}"`);
  });

  it("draw targets as targets", () => {
    const withTarget = DEMO_CHARTS.filter((c) => c.vizConfig.target);
    expect(withTarget.map((c) => c.key).sort()).toEqual(["exec-revenue-vs-target", "exec-signups-vs-target", "exec-wau-vs-target"]);
    for (const c of withTarget) expect(c.sql).toContain("demo.metric_targets");
  });
});
