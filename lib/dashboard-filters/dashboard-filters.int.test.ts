// Dashboard filters end to end on the real servers: definitions saved through the app's code, charts run
// against the real PostgreSQL warehouse with bound values, results cached in the real app DB per key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { getDashboardView, type DashboardView } from "@/lib/dashboards/get-dashboard-view";
import { disconnectDb, getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refreshDashboard } from "@/lib/refresh/refresh-dashboard";
import { createTestDashboard, createTestDataSource } from "@/lib/testing/fixtures";
import { closeAllPools } from "@/lib/warehouse/pools";
import { runQuery } from "@/lib/warehouse/run-query";
import { getDashboardFilterOptions } from "./get-filter-options";
import { getFilterSetup } from "./get-filter-setup";
import { addDays, resolveDateRange, utcDay } from "./presets";
import { saveDashboardFilters } from "./save-dashboard-filters";
import type { DashboardFilter } from "./schema";

// Every day from 400 days ago to 400 days ahead: a range inside it counts exactly its days.
const DAYS_SQL = `select count(*)::int as n
from (select d::date as day from generate_series(current_date - 400, current_date + 400, interval '1 day') d) t
where day >= {{period.start}} and day < {{period.end}}`;
const HOSTILE = "'; drop table users; --";

let dataSourceId: string;
let dashboardId: string;
let version: number;
const chartIds: Record<"days" | "echo" | "plain" | "regions" | "cast", string> = { days: "", echo: "", plain: "", regions: "", cast: "" };
const userIds: string[] = [];
let editor: { id: string; email: string; name: string; role: "EDITOR" };
let viewer: { id: string; email: string; name: string; role: "VIEWER" };

function tile(view: DashboardView, chartId: string) {
  const t = view.tiles.find((x) => x.chart?.id === chartId);
  if (!t) throw new Error(`No tile for chart ${chartId}`);
  return t;
}

async function keysOf(chartId: string): Promise<string[]> {
  const rows = await getDb().chartResult.findMany({ where: { chartId }, select: { paramsKey: true }, orderBy: { paramsKey: "asc" } });
  return rows.map((r) => r.paramsKey);
}

async function attemptOf(chartId: string, paramsKey: string): Promise<Date | null> {
  const row = await getDb().chartResult.findUnique({ where: { chartId_paramsKey: { chartId, paramsKey } } });
  return row?.lastAttemptAt ?? null;
}

/** A custom range of `days` days ending `endsAgo` days before today, as the URL writes it. */
const ago = (endsAgo: number, days: number) => {
  const today = utcDay(Date.now());
  return `${addDays(today, -endsAgo - days + 1)}..${addDays(today, -endsAgo)}`;
};

const view = async (query: string) => (await getDashboardView(dashboardId, { searchParams: new URLSearchParams(query) }))!;

beforeAll(async () => {
  const db = getDb();
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const e = await db.user.create({ data: { email: `filters-editor-${stamp}@example.com`, name: "Ed", passwordHash: "x", role: "EDITOR" } });
  const v = await db.user.create({ data: { email: `filters-viewer-${stamp}@example.com`, name: "Vi", passwordHash: "x", role: "VIEWER" } });
  userIds.push(e.id, v.id);
  editor = { id: e.id, email: e.email, name: e.name, role: "EDITOR" };
  viewer = { id: v.id, email: v.email, name: v.name, role: "VIEWER" };

  dataSourceId = (await createTestDataSource()).id;
  const { dashboard, charts } = await createTestDashboard({
    dataSourceId,
    title: "Filters test",
    refreshIntervalMinutes: 60,
    charts: [
      { title: "Days", sql: DAYS_SQL },
      { title: "Echo", sql: "select {{q}}::text as q" },
      { title: "Plain", sql: "select 1 as a" },
      { title: "Regions", sql: "select count(*)::int as n from unnest(array['EMEA','APAC','AMER']) r where true [[and r = any({{regions}})]]" },
      { title: "Cast", sql: "select ({{q}})::int as n" },
    ],
  });
  dashboardId = dashboard.id;
  version = dashboard.version;
  [chartIds.days, chartIds.echo, chartIds.plain, chartIds.regions, chartIds.cast] = charts.map((c) => c.id);
  const params = (p: unknown) => p as Prisma.InputJsonValue;
  await db.chart.update({ where: { id: chartIds.days }, data: { parameters: params([{ name: "period", type: "date_range", default: { start: utcDay(Date.now()), end: utcDay(Date.now() + 86_400_000) } }]) } });
  await db.chart.update({ where: { id: chartIds.echo }, data: { parameters: params([{ name: "q", type: "text", default: "none" }]) } });
  await db.chart.update({ where: { id: chartIds.regions }, data: { parameters: params([{ name: "regions", type: "list" }]) } });
  await db.chart.update({ where: { id: chartIds.cast }, data: { parameters: params([{ name: "q", type: "text", default: "1" }]) } });
});

afterAll(async () => {
  await getDb().dashboard.deleteMany({ where: { id: dashboardId } });
  await getDb().chart.deleteMany({ where: { id: { in: Object.values(chartIds) } } });
  await getDb().user.deleteMany({ where: { id: { in: userIds } } });
  await closeAllPools();
  await disconnectDb();
});

const FILTERS: DashboardFilter[] = [
  { name: "period", label: "Period", type: "date_range" },
  { name: "q", label: "Search", type: "text" },
  {
    name: "regions",
    label: "Regions",
    type: "select",
    multiple: true,
    options: { dataSourceId: "", sql: "select r from unnest(array['EMEA','APAC','EMEA',null,'AMER']) r" },
  },
];

describe("dashboard filters", () => {
  it("lets editors save definitions with a version check, and records the version", async () => {
    const filters = FILTERS.map((f) => (f.type === "select" ? { ...f, options: { ...f.options, dataSourceId } } : f));
    const saved = await saveDashboardFilters(editor, dashboardId, { version, filters });
    expect(saved.version).toBe(version + 1);
    expect((await getDb().dashboard.findUniqueOrThrow({ where: { id: dashboardId } })).filters).toEqual(filters);
    const recorded = await getDb().dashboardVersion.findUnique({ where: { dashboardId_version: { dashboardId, version: saved.version } } });
    expect(recorded?.savedById).toBe(editor.id);
    expect((recorded?.snapshot as { filters: unknown }).filters).toEqual(filters);

    const stale = saveDashboardFilters(editor, dashboardId, { version, filters: [] });
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT", details: { currentVersion: saved.version } });

    const missing = saveDashboardFilters(editor, dashboardId, {
      version: saved.version,
      filters: [{ ...filters[2], type: "select", options: { dataSourceId: "no-such-source", sql: "select 1" } } as DashboardFilter],
    });
    await expect(missing).rejects.toMatchObject({ code: "INVALID" });
    version = saved.version;
  });

  it("refuses a viewer who tries to save definitions (403)", async () => {
    const attempt = saveDashboardFilters(viewer, dashboardId, { version, filters: [] });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    const error = await attempt.catch((e: unknown) => e);
    expect(errorResponse(error).status).toBe(403);
    expect((await getDb().dashboard.findUniqueOrThrow({ where: { id: dashboardId } })).version).toBe(version);
  });

  it("lists the parameters the dashboard's charts use, for the editor", async () => {
    const setup = await getFilterSetup(viewer, dashboardId);
    expect(setup.version).toBe(version);
    expect(setup.filters.map((f) => f.name)).toEqual(["period", "q", "regions"]);
    expect(setup.parameters.map((p) => [p.name, p.type, p.charts.map((c) => c.title)])).toEqual([
      ["period", "date_range", ["Days"]],
      ["q", "text", ["Echo", "Cast"]],
      ["regions", "list", ["Regions"]],
    ]);
  });

  it("serves the cached results, without running anything, when no filter values are given", async () => {
    await refreshDashboard(dashboardId, "manual");
    const before = await Promise.all(Object.values(chartIds).map((id) => attemptOf(id, "")));
    const plain = await getDashboardView(dashboardId);
    const fromUrl = await view("tab=other");
    for (const v of [plain!, fromUrl]) {
      expect(tile(v, chartIds.days).result).toMatchObject({ rows: [[1]], paramsKey: "" });
      expect(tile(v, chartIds.echo).result).toMatchObject({ rows: [["none"]], paramsKey: "" });
      expect(v.filters?.map((f) => f.name)).toEqual(["period", "q", "regions"]);
    }
    expect(await Promise.all(Object.values(chartIds).map((id) => attemptOf(id, "")))).toEqual(before);
    for (const id of Object.values(chartIds)) expect(await keysOf(id)).toEqual([""]);
  });

  it("runs a chart with each filter value and caches it under a key of its own", async () => {
    const feb = await view(`f.period=${ago(40, 29)}`);
    expect(tile(feb, chartIds.days).result).toMatchObject({ rows: [[29]], lastError: null });
    expect(tile(feb, chartIds.days).appliedFilters).toEqual(["period"]);
    const febKey = tile(feb, chartIds.days).result!.paramsKey!;
    expect(febKey).toMatch(/^p1:/);

    const week = await view("f.period=last_7_days");
    expect(tile(week, chartIds.days).result).toMatchObject({ rows: [[7]] });
    const weekKey = tile(week, chartIds.days).result!.paramsKey!;
    expect((await view("f.period=last_90_days")).tiles.find((t) => t.chart?.id === chartIds.days)!.result!.rows).toEqual([[90]]);
    expect((await view("f.period=last_5_weeks")).tiles.find((t) => t.chart?.id === chartIds.days)!.result!.rows).toEqual([[35]]);

    expect(new Set([febKey, weekKey, ""]).size).toBe(3);
    expect(await keysOf(chartIds.days)).toEqual(expect.arrayContaining(["", febKey, weekKey]));

    // Asked again while fresh: served from the cache, not run.
    const attempted = await attemptOf(chartIds.days, febKey);
    const again = await view(`f.period=${ago(40, 29)}`);
    expect(tile(again, chartIds.days).result).toMatchObject({ rows: [[29]], paramsKey: febKey });
    expect(await attemptOf(chartIds.days, febKey)).toEqual(attempted);

    // A value equal to the chart's default is the default result.
    const today = utcDay(Date.now());
    const asDefault = await view(`f.period=${today}..${today}`);
    expect(tile(asDefault, chartIds.days).result).toMatchObject({ rows: [[1]], paramsKey: "" });
    expect(resolveDateRange({ start: today, end: today }, today)).toEqual({ start: today, end: utcDay(Date.now() + 86_400_000) });
  });

  it("serves charts without the filter's parameter from the default cache", async () => {
    const before = await attemptOf(chartIds.plain, "");
    const v = await view(`f.period=${ago(100, 31)}&f.regions=EMEA&f.regions=APAC`);
    expect(tile(v, chartIds.days).result!.rows).toEqual([[31]]);
    expect(tile(v, chartIds.regions).result!.rows).toEqual([[2]]);
    expect(tile(v, chartIds.plain).result).toMatchObject({ rows: [[1]], paramsKey: "" });
    expect(tile(v, chartIds.plain).appliedFilters).toEqual([]);
    expect(await attemptOf(chartIds.plain, "")).toEqual(before);
    expect(await keysOf(chartIds.plain)).toEqual([""]);
    // A cleared drop-down drops the optional clause: every region counts.
    expect(tile(await view("f.regions="), chartIds.regions).result).toMatchObject({ rows: [[3]], paramsKey: "" });
  });

  it("binds a hostile text value: it comes back as data and changes nothing", async () => {
    const v = await view(new URLSearchParams({ "f.q": HOSTILE }).toString());
    expect(tile(v, chartIds.echo).result).toMatchObject({ rows: [[HOSTILE]], lastError: null });
    expect(await getDb().user.count()).toBeGreaterThan(0);
    const still = await runQuery({ dataSourceId, sql: "select to_regclass('demo.users') is not null as present" });
    expect(still.rows).toEqual([[true]]);
  });

  it("reports a chart that fails with a value on its own tile, the others still served", async () => {
    const v = await view("f.q=not-a-number");
    expect(tile(v, chartIds.cast).result!.lastError).toContain("invalid input syntax for type integer");
    expect(tile(v, chartIds.cast).result!.computedAt).toBeNull();
    expect(tile(v, chartIds.echo).result).toMatchObject({ rows: [["not-a-number"]], lastError: null });
    expect(tile(v, chartIds.days).result).toMatchObject({ rows: [[1]] });
  });

  it("lets a viewer read filtered results", async () => {
    await expect(getDashboardOrThrow(dashboardId, viewer)).resolves.toMatchObject({ id: dashboardId });
    expect(tile(await view("f.q=viewer"), chartIds.echo).result!.rows).toEqual([["viewer"]]);
  });

  it("lists a drop-down's values from its query, distinct, and caches them", async () => {
    const dashboard = await getDb().dashboard.findUniqueOrThrow({ where: { id: dashboardId } });
    const first = await getDashboardFilterOptions(dashboard, "regions");
    expect(first).toMatchObject({ values: ["EMEA", "APAC", "AMER"], truncated: false });
    const second = await getDashboardFilterOptions(dashboard, "regions");
    expect(second.computedAt).toBe(first.computedAt);
    await expect(getDashboardFilterOptions(dashboard, "q")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
