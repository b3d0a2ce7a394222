import { describe, expect, it } from "vitest";
import { DEMO_CHARTS, DEMO_DASHBOARDS, TEARSHEET_WEEK_COLUMNS } from "./demo-dashboards";
import { DEMO_TABLES } from "./schema";

const VIZ_TYPES = ["auto", "line", "area", "bar", "number", "table", "scatter", "pie"];

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
