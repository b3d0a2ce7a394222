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
import { vizConfigColumns } from "./dashboards/viz-config-columns";
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

// node-postgres reads a date as local midnight.
const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
const chart = (key: string) => DEMO_CHARTS.find((c) => c.key === key)!;

describe("demo charts", () => {
  it("each run read-only against the warehouse, return rows and have the columns they are drawn with", async () => {
    for (const c of DEMO_CHARTS) {
      await client.query("begin read only");
      try {
        const result = await client.query(c.sql);
        expect(result.rows.length, c.key).toBeGreaterThan(0);
        const columns = result.fields.map((f) => f.name);
        for (const column of vizConfigColumns(c.vizConfig)) expect(columns, `${c.key} draws ${column}`).toContain(column);
      } catch (err) {
        throw new Error(`${c.key}: ${(err as Error).message}`);
      } finally {
        await client.query("rollback");
      }
    }
  });

  it("show each big number as the last 12 complete weeks, oldest first, so last week compares with the week before", async () => {
    const numbers = DEMO_CHARTS.filter((c) => c.vizType === "number");
    expect(numbers.length).toBe(4);
    for (const c of numbers) {
      const result = await client.query(c.sql);
      expect(result.fields.map((f) => f.name), c.key).toEqual(["week", c.vizConfig.y![0]]);
      // The data ends on Sunday 2026-11-22: twelve Mondays up to 2026-11-16, every week present.
      const weeks = result.rows.map((r) => ymd(r.week));
      expect(weeks.length, c.key).toBe(12);
      expect(weeks[0], c.key).toBe("2026-08-31");
      expect(weeks[11], c.key).toBe("2026-11-16");
      expect([...weeks].sort(), c.key).toEqual(weeks);
      for (const r of result.rows) expect(Number(r[c.vizConfig.y![0]]), c.key).toBeGreaterThanOrEqual(0);
    }
    // Last week's numbers agree with the tearsheet's.
    const tearsheet = await client.query(chart("exec-tearsheet").sql);
    const lastWeek = (label: string) => Number(tearsheet.rows.find((r) => r.Metric === label)!["Last week"]);
    const latest = async (key: string) => {
      const { rows } = await client.query(chart(key).sql);
      return Number(rows[rows.length - 1][chart(key).vizConfig.y![0]]);
    };
    expect(await latest("exec-wau-last-week")).toBe(lastWeek("Weekly active users"));
    expect(await latest("exec-signups-last-week")).toBe(lastWeek("Signups"));
    expect(await latest("exec-new-paid-last-week")).toBe(lastWeek("New paid subscriptions"));
  });

  it("show retention as a triangle of observed weeks: week 0 is the whole cohort, later weeks are fewer", async () => {
    const { rows } = await client.query<{ signup_week: Date; weeks_since_signup: number; active_members: string }>(
      chart("product-weekly-retention").sql,
    );
    const cohorts = [...new Set(rows.map((r) => ymd(r.signup_week)))];
    expect(cohorts).toEqual([
      "2026-09-21",
      "2026-09-28",
      "2026-10-05",
      "2026-10-12",
      "2026-10-19",
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
    ]);
    // A period is shown only when its week is complete: the newest cohort has weeks 0 and 1 (last week).
    const periods = cohorts.map((c) => rows.filter((r) => ymd(r.signup_week) === c).map((r) => r.weeks_since_signup));
    expect(periods.map((p) => p.length)).toEqual([8, 8, 7, 6, 5, 4, 3, 2]);
    for (const p of periods) expect(p).toEqual([...p.keys()]);

    const { rows: sizes } = await client.query<{ week: Date; n: string }>(
      `select date_trunc('week', signed_up_at)::date as week, count(*) as n from demo.signups
       where signed_up_at >= '2026-09-21' and signed_up_at < '2026-11-16' group by 1`,
    );
    for (const r of rows.filter((r) => r.weeks_since_signup === 0)) {
      expect(r.active_members).toBe(sizes.find((s) => ymd(s.week) === ymd(r.signup_week))!.n);
    }
    const later = rows.filter((r) => r.weeks_since_signup > 0);
    for (const r of later) {
      const week0 = rows.find((w) => ymd(w.signup_week) === ymd(r.signup_week) && w.weeks_since_signup === 0)!;
      expect(Number(r.active_members)).toBeLessThanOrEqual(Number(week0.active_members));
    }
    // Even at the test scale, members come back: most later cells are not empty.
    expect(later.filter((r) => Number(r.active_members) > 0).length).toBeGreaterThan(later.length / 2);
  });

  it("narrow the funnel at every stage", async () => {
    const { rows } = await client.query<{ stage: string; members: string }>(chart("product-funnel").sql);
    expect(rows.map((r) => r.stage)).toEqual(["Visits", "Signups", "Active in first week", "Paid"]);
    const counts = rows.map((r) => Number(r.members));
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThan(counts[i - 1]);
    expect(counts[3]).toBeGreaterThan(0);
  });

  it("cover the last complete months: 12 of channel mix, 6 of revenue by plan", async () => {
    const months = (rows: { month: Date }[]) => [...new Set(rows.map((r) => ymd(r.month)))];
    const mix = await client.query(chart("marketing-channel-mix").sql);
    expect(months(mix.rows)).toEqual([
      "2025-11-01",
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
      "2026-04-01",
      "2026-05-01",
      "2026-06-01",
      "2026-07-01",
      "2026-08-01",
      "2026-09-01",
      "2026-10-01",
    ]);
    const byPlan = await client.query(chart("marketing-revenue-by-plan").sql);
    expect(months(byPlan.rows)).toEqual(["2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01"]);
    expect([...new Set(byPlan.rows.map((r) => r.plan))].sort()).toEqual(["Plus", "Pro"]);
  });

  it("plot one point per country and one per uploader", async () => {
    const countries = await client.query(chart("mobile-countries-bubble").sql);
    const names = countries.rows.map((r) => r.country);
    expect(new Set(names).size).toBe(names.length);
    const { rows: all } = await client.query("select count(distinct country) as n from demo.users");
    expect(names.length).toBe(Number(all[0].n));
    for (const r of countries.rows) expect(Number(r.paid_share)).toBeLessThanOrEqual(1);

    const uploaders = await client.query(chart("product-uploads-vs-likes").sql);
    expect(uploaders.rows.length).toBeGreaterThan(10);
    expect(uploaders.rows.length).toBeLessThanOrEqual(500);
    expect(new Set(uploaders.rows.map((r) => r.username)).size).toBe(uploaders.rows.length);
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
