// Sharing and downloading keep the view's filters, on the real web app (`next start`), the real app DB and
// the real warehouse: a chart's CSV, the public page and its results, and the render page that PNG/PDF
// downloads photograph all show the numbers of the filter values they were asked with, bound as
// parameters (a hostile value matches nothing and breaks nothing).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { saveDashboardFilters } from "@/lib/dashboard-filters/save-dashboard-filters";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refreshDashboard } from "@/lib/refresh/refresh-dashboard";
import { closeBrowser } from "@/lib/render/browser";
import { dashboardRenderUrl } from "@/lib/render/render-dashboard";
import { pngSize } from "@/lib/render/render-page";
import { createTestDashboard, createTestDataSource, signInCookie, waitFor } from "@/lib/testing/fixtures";
import { requireWebApp } from "@/lib/testing/web-app";
import { closeAllPools } from "@/lib/warehouse/pools";
import type { ShareLinkView } from "./schemas";

const password = "correct horse battery";
const base = () => getRuntimeEnv().APP_URL;
const HOSTILE = "'; drop table users; --";
// Sum of v over the rows of a region: all 3939, EMEA 1717, APAC 2222.
const ROWS = "(values ('EMEA', 1111), ('APAC', 2222), ('EMEA', 606)) t(r, v)";
const TOTAL_SQL = `select sum(v)::int as total from ${ROWS} where true [[and r = {{region}}]]`;
const BY_REGION_SQL = `select r, sum(v)::int as total from ${ROWS} where true [[and r = {{region}}]] group by r order by r`;

let cookie: string;
let editorId: string;
let dashboardId: string;
let totalChartId: string;
let byRegionChartId: string;

/** The big numbers on a server-rendered page, in tile order. */
function bigNumbers(html: string): string[] {
  return [...html.matchAll(/data-spyglass-value=""[^>]*>([^<]*)</g)].map((m) => m[1]);
}

function q(values: Record<string, string>): string {
  return new URLSearchParams(Object.entries(values).map(([k, v]) => [`f.${k}`, v])).toString();
}

beforeAll(async () => {
  requireWebApp();
  const db = getDb();
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const email = `filtered-share-${stamp}@example.com`;
  const u = await db.user.create({ data: { email, name: "Fil Editor", passwordHash: await hashPassword(password), role: "EDITOR" } });
  editorId = u.id;
  cookie = await signInCookie(base(), email, password);

  const ds = await createTestDataSource();
  const made = await createTestDashboard({
    dataSourceId: ds.id,
    title: "Regional totals",
    refreshIntervalMinutes: 60,
    charts: [
      { title: "Total", sql: TOTAL_SQL, vizType: "number" },
      { title: "By region", sql: BY_REGION_SQL, vizType: "table" },
    ],
  });
  dashboardId = made.dashboard.id;
  [totalChartId, byRegionChartId] = made.charts.map((c) => c.id);
  for (const id of [totalChartId, byRegionChartId]) {
    await db.chart.update({ where: { id }, data: { parameters: [{ name: "region", type: "text" }] as unknown as Prisma.InputJsonValue } });
  }
  await saveDashboardFilters({ id: u.id, email, name: u.name, role: "EDITOR" }, dashboardId, {
    version: made.dashboard.version,
    filters: [{ name: "region", label: "Region", type: "select", options: { dataSourceId: ds.id, sql: `select distinct r from ${ROWS} order by r` } }],
  });
  await refreshDashboard(dashboardId, "manual");
});

afterAll(async () => {
  await getDb().dashboard.deleteMany({ where: { id: dashboardId } });
  await getDb().chart.deleteMany({ where: { id: { in: [totalChartId, byRegionChartId] } } });
  await getDb().user.deleteMany({ where: { id: editorId } });
  await closeBrowser();
  await closeAllPools();
  await disconnectDb();
});

describe("CSV of a chart", () => {
  const csv = async (query: string) => {
    const res = await fetch(`${base()}/api/charts/${byRegionChartId}/csv?dashboard=${dashboardId}${query ? `&${query}` : ""}`, { headers: { cookie } });
    return { status: res.status, text: await res.text() };
  };

  it("holds the rows of the dashboard's filter values", async () => {
    expect(await csv("")).toEqual({ status: 200, text: "r,total\nAPAC,2222\nEMEA,1717\n" });
    expect(await csv(q({ region: "EMEA" }))).toEqual({ status: 200, text: "r,total\nEMEA,1717\n" });
    expect(await csv(q({ region: "APAC" }))).toEqual({ status: 200, text: "r,total\nAPAC,2222\n" });
    // Cleared: the chart's own default (no region: every row).
    expect(await csv(q({ region: "" }))).toEqual({ status: 200, text: "r,total\nAPAC,2222\nEMEA,1717\n" });
  });

  it("binds the value as a parameter: a hostile value matches nothing", async () => {
    expect(await csv(q({ region: HOSTILE }))).toEqual({ status: 200, text: "r,total\n" });
    expect(await getDb().user.count({ where: { id: editorId } })).toBe(1);
  });
});

describe("public links", () => {
  let token: string;
  beforeAll(async () => {
    const res = await fetch(`${base()}/api/dashboards/${dashboardId}/share-links`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(201);
    token = ((await res.json()) as { link: ShareLinkView }).link.url!.split("/share/")[1];
  });

  it("open with the filter values of the link, and show the filter bar", async () => {
    const all = await (await fetch(`${base()}/share/${token}`)).text();
    expect(bigNumbers(all)).toEqual(["3,939"]);
    const emea = await (await fetch(`${base()}/share/${token}?${q({ region: "EMEA" })}`)).text();
    expect(bigNumbers(emea)).toEqual(["1,717"]);
    // The interactive bar (a labelled drop-down with the link's value picked), not a read-only summary.
    expect(emea).toMatch(/<div[^>]*role="group"[^>]*aria-label="Filters"/);
    expect(emea).toMatch(/<label[^>]*>Region<\/label><select[^>]*>/);
    expect(emea).toContain('<option value="EMEA" selected="">EMEA</option>');
    // The drop-down's SQL never reaches the public page.
    expect(emea).not.toContain("select distinct r");
  });

  it("answer the filter bar's requests: results and drop-down values for the token", async () => {
    const res = await fetch(`${base()}/api/share/${token}/results?${q({ region: "APAC" })}`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as { tiles: { chart: { id: string } | null; result: { rows: unknown[][] } | null }[] };
    expect(view.tiles.map((t) => [t.chart?.id, t.result?.rows])).toEqual([
      [totalChartId, [[2222]]],
      [byRegionChartId, [["APAC", 2222]]],
    ]);
    const options = await fetch(`${base()}/api/share/${token}/filters/region/options`);
    expect(options.status).toBe(200);
    expect(((await options.json()) as { values: string[] }).values).toEqual(["APAC", "EMEA"]);
  });
});

describe("PNG and PDF", () => {
  it("photograph the render page with the view's filter values", async () => {
    const page = async (query: string) => bigNumbers(await (await fetch(dashboardRenderUrl(dashboardId, query))).text());
    expect(await page("")).toEqual(["3,939"]);
    expect(await page(q({ region: "EMEA" }))).toEqual(["1,717"]);
    expect(await page(q({ region: HOSTILE }))).toEqual(["–"]);
  });

  it("write the time of the snapshot in the digest's time zone, UTC without one or for a name that is not a zone", async () => {
    const foot = async (timeZone?: string) => {
      const html = (await (await fetch(dashboardRenderUrl(dashboardId, "", timeZone))).text()).replace(/<!-- -->/g, "");
      return html.match(/Snapshot taken ([^<]*) · Spyglass/)?.[1];
    };
    expect(await foot("Asia/Tokyo")).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} GMT\+9$/);
    expect(await foot()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC$/);
    expect(await foot("Mars/Olympus_Mons")).toMatch(/ UTC$/);
  });

  it("render a filtered download without replacing the unfurl image", async () => {
    // Opening the public page above stored a snapshot (in the background): wait for it, then keep its time.
    const before = await waitFor("the public page's snapshot", () => getDb().dashboardImage.findUnique({ where: { dashboardId }, select: { renderedAt: true } }), 60_000);
    const png = await fetch(`${base()}/api/dashboards/${dashboardId}/download?format=png&${q({ region: "EMEA" })}`, { headers: { cookie } });
    expect(png.status).toBe(200);
    expect(pngSize(Buffer.from(await png.arrayBuffer())).width).toBe(2560);
    // Link previews show the dashboard as its link opens it, so a filtered download is not stored for them.
    const after = await getDb().dashboardImage.findUniqueOrThrow({ where: { dashboardId }, select: { renderedAt: true } });
    expect(after.renderedAt.toISOString()).toBe(before.renderedAt.toISOString());
  }, 120_000);
});
