// A chart's own refresh schedule through the web app (`next start`): editors set it, viewers are refused,
// a bad body gets a readable message, and the dashboard's results show the override and when each tile's
// data turns late for its schedule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { closeQueues, syncAllSchedules } from "@/lib/jobs/queues";
import { refreshDashboard } from "@/lib/refresh/refresh-dashboard";
import { createTestDashboard, createTestDataSource, signInCookie } from "@/lib/testing/fixtures";
import { requireWebApp } from "@/lib/testing/web-app";
import { closeAllPools } from "@/lib/warehouse/pools";

const password = "correct horse battery";
const base = () => getRuntimeEnv().APP_URL;
const cookies = {} as Record<"editor" | "viewer", string>;
const userIds: string[] = [];
let dashboardId: string;
let chartIds: string[];

async function api(cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base()}${path}`, {
    method,
    headers: { cookie, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

beforeAll(async () => {
  requireWebApp();
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const hash = await hashPassword(password);
  for (const role of ["EDITOR", "VIEWER"] as const) {
    const email = `chart-schedule-${role.toLowerCase()}-${stamp}@example.com`;
    const u = await getDb().user.create({ data: { email, name: `Schedule ${role}`, passwordHash: hash, role } });
    userIds.push(u.id);
    cookies[role === "EDITOR" ? "editor" : "viewer"] = await signInCookie(base(), email, password);
  }
  const ds = await createTestDataSource();
  const made = await createTestDashboard({
    dataSourceId: ds.id,
    refreshIntervalMinutes: 60,
    charts: [
      { title: "Own", sql: "select 1 as n" },
      { title: "Follows", sql: "select 2 as n" },
    ],
  });
  dashboardId = made.dashboard.id;
  chartIds = made.charts.map((c) => c.id);
  await refreshDashboard(dashboardId, "manual");
});

afterAll(async () => {
  await getDb().dashboard.deleteMany({ where: { id: dashboardId } });
  await getDb().chart.deleteMany({ where: { id: { in: chartIds } } });
  await getDb().user.deleteMany({ where: { id: { in: userIds } } });
  await syncAllSchedules();
  await closeQueues();
  await closeAllPools();
  await disconnectDb();
});

describe("PATCH /api/charts/:id/schedule", () => {
  it("refuses viewers, explains a bad schedule, and shows the override and lateness on the dashboard", async () => {
    const [own] = chartIds;
    const refused = await api(cookies.viewer, "PATCH", `/api/charts/${own}/schedule`, { mode: "interval", minutes: 15 });
    expect(refused.status).toBe(403);
    expect((await getDb().chart.findUniqueOrThrow({ where: { id: own } })).refreshIntervalMinutes).toBeNull();

    const tooOften = await api(cookies.editor, "PATCH", `/api/charts/${own}/schedule`, { mode: "cron", cron: "*/2 * * * *", timezone: "UTC" });
    expect(tooOften.status).toBe(422);
    expect((tooOften.body!.error as { message: string }).message).toBe('Refresh at most every 5 minutes: "*/2 * * * *" runs more often.');

    const saved = await api(cookies.editor, "PATCH", `/api/charts/${own}/schedule`, { mode: "interval", minutes: 15 });
    expect(saved.status).toBe(200);
    expect(saved.body!.schedule).toEqual({ kind: "interval", minutes: 15 });

    // Viewers read the dashboard (and so the override), they just cannot change it.
    const view = await api(cookies.viewer, "GET", `/api/dashboards/${dashboardId}/results`);
    expect(view.status).toBe(200);
    const tiles = view.body!.tiles as { chart: { id: string; schedule: unknown }; result: { computedAt: string; staleAfter: string | null } }[];
    const byId = new Map(tiles.map((t) => [t.chart.id, t]));
    const ownTile = byId.get(own)!;
    const followsTile = byId.get(chartIds[1])!;
    expect(ownTile.chart.schedule).toEqual({ kind: "interval", minutes: 15 });
    expect(followsTile.chart.schedule).toBeNull();
    // Late after the interval plus its grace: half of 15 minutes; 10 minutes for the hourly dashboard.
    expect(Date.parse(ownTile.result.staleAfter!) - Date.parse(ownTile.result.computedAt)).toBe(22.5 * 60_000);
    expect(Date.parse(followsTile.result.staleAfter!) - Date.parse(followsTile.result.computedAt)).toBe(70 * 60_000);

    const off = await api(cookies.editor, "PATCH", `/api/charts/${own}/schedule`, { mode: "off" });
    expect(off.body!.schedule).toEqual({ kind: "off" });
    const afterOff = await api(cookies.editor, "GET", `/api/dashboards/${dashboardId}/results`);
    const offTile = (afterOff.body!.tiles as { chart: { id: string }; result: { staleAfter: string | null } }[]).find((t) => t.chart.id === own)!;
    expect(offTile.result.staleAfter).toBeNull();

    const back = await api(cookies.editor, "PATCH", `/api/charts/${own}/schedule`, { mode: "dashboard" });
    expect(back.body!.schedule).toBeNull();
  });
});
