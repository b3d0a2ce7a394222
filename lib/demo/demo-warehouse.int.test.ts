// The demo warehouse in a real PostgreSQL (loaded by lib/testing/global-setup.ts) and the demo content in
// the real app DB: the load is complete and described, every chart's SQL runs, seeding is idempotent.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptJson } from "@/lib/crypto/secret-box";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv, getSettings } from "@/lib/env";
import { TEST_DEMO_SCALE } from "@/lib/testing/global-setup";
import { connectionFromUrl } from "@/lib/warehouse/connection-from-url";
import type { ConnectionConfig } from "@/lib/warehouse/types";
import { DEMO_CHARTS, DEMO_DASHBOARDS, DEMO_DATA_SOURCE_NAME, TEARSHEET_WEEK_COLUMNS } from "./demo-dashboards";
import { ensureDemoWarehouse } from "./load-demo-warehouse";
import { DEMO_SEED, buildDemoModel } from "./model/demo-model";
import { seedDemoContent } from "./seed-demo-content";
import { DEMO_TABLE_LIST } from "./tables";

let warehouseUrl: string;
let client: pg.Client;

beforeAll(async () => {
  warehouseUrl = getSettings().DEMO_WAREHOUSE_URL!;
  client = new pg.Client({ connectionString: warehouseUrl });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await disconnectDb();
});

async function count(sql: string): Promise<number> {
  const { rows } = await client.query(sql);
  return Number(rows[0].n);
}

describe("demo warehouse", () => {
  it("is loaded once: a second call finds the completed load and returns at once", async () => {
    const result = await ensureDemoWarehouse({ url: warehouseUrl, scale: TEST_DEMO_SCALE });
    expect(result.loaded).toBe(false);
    const facts = DEMO_TABLE_LIST.filter((t) => t.kind === "fact");
    let total = 0;
    for (const t of facts) total += await count(`select count(*) as n from demo.${t.name}`);
    expect(result.factRows).toBe(total);
    expect(result.ms).toBeLessThan(5_000);
  });

  it("holds exactly the generated rows, with primary keys and a description of every table and column", async () => {
    const model = buildDemoModel(DEMO_SEED, TEST_DEMO_SCALE);
    for (const t of DEMO_TABLE_LIST) {
      let generated = 0;
      for (const chunk of t.rows(model)) for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) generated++;
      expect(await count(`select count(*) as n from demo.${t.name}`), t.name).toBe(generated);

      const { rows: pk } = await client.query(
        "select 1 from pg_constraint where conrelid = $1::regclass and contype = 'p'",
        [`demo.${t.name}`],
      );
      expect(pk.length, `${t.name} primary key`).toBe(1);

      const { rows: comments } = await client.query<{ column: string | null; description: string | null }>(
        `select a.attname as column, col_description(c.oid, a.attnum) as description
         from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
         where c.oid = $1::regclass
         union all
         select null, obj_description($1::regclass, 'pg_class')`,
        [`demo.${t.name}`],
      );
      for (const c of comments) expect(c.description?.length ?? 0, `${t.name}.${c.column ?? "(table)"}`).toBeGreaterThan(5);
    }
  });

  it("reloads when the load is partial or the scale changes, and not otherwise", async () => {
    const database = `demo_reload_${randomBytes(3).toString("hex")}`;
    await client.query(`create database ${database}`);
    const url = new URL(warehouseUrl);
    url.pathname = `/${database}`;
    const lines: string[] = [];
    try {
      const first = await ensureDemoWarehouse({ url: url.href, scale: 0.005, log: (m) => lines.push(m) });
      expect(first.loaded).toBe(true);
      expect(lines).toEqual([expect.stringMatching(/^Demo warehouse loaded: [\d,]+ fact rows in \d+\.\d s$/)]);

      const again = await ensureDemoWarehouse({ url: url.href, scale: 0.005 });
      expect(again).toMatchObject({ loaded: false, factRows: first.factRows });

      // A load that died before writing its marker is redone from scratch.
      const other = new pg.Client({ connectionString: url.href });
      await other.connect();
      await other.query("drop table demo._spyglass_demo");
      await other.query("delete from demo.likes where like_id % 2 = 0");
      await other.end();
      const redone = await ensureDemoWarehouse({ url: url.href, scale: 0.005 });
      expect(redone).toMatchObject({ loaded: true, factRows: first.factRows });

      const rescaled = await ensureDemoWarehouse({ url: url.href, scale: 0.01 });
      expect(rescaled.loaded).toBe(true);
      expect(rescaled.factRows).toBeGreaterThan(first.factRows * 1.5);
    } finally {
      await client.query(`drop database if exists ${database} with (force)`);
    }
  });
});

describe("demo charts", () => {
  it("each run read-only against the warehouse, return rows and have the columns they are drawn with", async () => {
    for (const chart of DEMO_CHARTS) {
      await client.query("begin read only");
      try {
        const result = await client.query(chart.sql);
        expect(result.rows.length, chart.key).toBeGreaterThan(0);
        const columns = result.fields.map((f) => f.name);
        const { x, y, series, target } = chart.vizConfig;
        for (const column of [x, ...(y ?? []), series, target].filter(Boolean)) {
          expect(columns, `${chart.key} draws ${column}`).toContain(column);
        }
        if (chart.vizType === "number") expect([result.rows.length, columns.length], chart.key).toEqual([1, 1]);
      } catch (err) {
        throw new Error(`${chart.key}: ${(err as Error).message}`);
      } finally {
        await client.query("rollback");
      }
    }
  });

  it("show the tearsheet: each key metric for exactly the last five complete weeks, beside its target", async () => {
    const tearsheet = DEMO_CHARTS.find((c) => c.key === "exec-tearsheet")!;
    const result = await client.query(tearsheet.sql);
    expect(result.fields.map((f) => f.name)).toEqual(["Metric", ...TEARSHEET_WEEK_COLUMNS, "Target (last week)", "vs target (%)"]);
    const metrics = result.rows.map((r) => r.Metric);
    expect(metrics.slice(0, 2)).toEqual(["Weekly active users", "Signups"]);
    for (const row of result.rows) {
      for (const week of TEARSHEET_WEEK_COLUMNS) expect(row[week], `${row.Metric}, ${week}`).not.toBeNull();
    }
    const wau = result.rows[0];
    expect(Number(wau["Target (last week)"])).toBeGreaterThan(0);
    expect(Number(wau["vs target (%)"])).toBeCloseTo((Number(wau["Last week"]) / Number(wau["Target (last week)"]) - 1) * 100, 0);

    // The data ends on Sunday 2026-11-22, so last week is the one starting Monday 2026-11-16.
    const byWeek = DEMO_CHARTS.find((c) => c.key === "exec-weeks")!;
    const weeks = await client.query<{ week: Date; weekly_active_users: string }>(byWeek.sql);
    // node-postgres reads a date as local midnight.
    const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    expect(weeks.rows.map((r) => ymd(r.week))).toEqual([
      "2026-10-19",
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
    ]);
    expect(weeks.rows.map((r) => r.weekly_active_users)).toEqual(
      TEARSHEET_WEEK_COLUMNS.map((w) => String(wau[w])),
    );
  });
});

describe("seedDemoContent", () => {
  it("creates the demo data source and dashboards once, however often it runs", async () => {
    const db = getDb();
    const connection = connectionFromUrl(warehouseUrl, "demo");
    const titles = DEMO_DASHBOARDS.map((d) => d.title);
    const snapshot = async (dataSourceId: string) => ({
      sources: await db.dataSource.count({ where: { name: DEMO_DATA_SOURCE_NAME } }),
      charts: await db.chart.count({ where: { dataSourceId } }),
      dashboards: await db.dashboard.count({ where: { title: { in: titles } } }),
      tiles: await db.dashboardTile.count({ where: { dashboard: { title: { in: titles } } } }),
    });

    const first = await seedDemoContent(db, { connection });
    const afterFirst = await snapshot(first.dataSourceId);
    const second = await seedDemoContent(db, { connection });
    expect(second.dataSourceId).toBe(first.dataSourceId);
    expect(await snapshot(second.dataSourceId)).toEqual(afterFirst);
    expect(afterFirst).toEqual({
      sources: 1,
      charts: DEMO_CHARTS.length,
      dashboards: DEMO_DASHBOARDS.length,
      tiles: DEMO_DASHBOARDS.reduce((n, d) => n + d.tiles.length, 0),
    });

    const source = await db.dataSource.findUniqueOrThrow({
      where: { id: first.dataSourceId },
      omit: { encryptedConfig: false },
    });
    expect(source).toMatchObject({ isDemo: true, kind: "POSTGRES" });
    expect(decryptJson<ConnectionConfig>(source.encryptedConfig, getRuntimeEnv().ENCRYPTION_KEY)).toEqual({
      ...connection,
      defaultSchema: "demo",
    });

    const tearsheet = await db.dashboard.findFirstOrThrow({
      where: { title: "Executive weekly tearsheet" },
      include: { tiles: { include: { chart: true }, orderBy: { position: "asc" } } },
    });
    const chartTiles = tearsheet.tiles.filter((t) => t.chart);
    expect(chartTiles.map((t) => t.chart!.title)).toContain("Key metrics: last five weeks vs target");
    for (const t of chartTiles) {
      expect(t.chart!.description.length).toBeGreaterThan(80);
      expect(t.x + t.w).toBeLessThanOrEqual(12);
    }
  });
});
