// Version history of charts and dashboards, and restoring, against the real app database.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { createChart } from "@/lib/charts/create-chart";
import { getChartOrThrow } from "@/lib/charts/get-chart";
import { updateChart } from "@/lib/charts/update-chart";
import { deleteDataSource } from "@/lib/data-sources/delete-data-source";
import { disconnectDb, getDb } from "@/lib/db";
import { expectAppError } from "@/lib/testing/expect-app-error";
import { createTestDashboard, createTestDataSource } from "@/lib/testing/fixtures";
import { getChartVersionDetail, listChartVersions } from "./chart-versions";
import { getDashboardVersionDetail, listDashboardVersions } from "./dashboard-versions";
import { diffChartVersions } from "./diff";
import { recordDashboardVersion } from "./record-version";
import { restoreChartVersion } from "./restore-chart-version";
import { restoreDashboardVersion } from "./restore-dashboard-version";

const suffix = randomBytes(3).toString("hex");
let ana: SessionUser;
let ben: SessionUser;
let viewer: SessionUser;
let dataSourceId: string;

async function makeUser(name: string, role: SessionUser["role"]): Promise<SessionUser> {
  const email = `${name.toLowerCase()}-${suffix}@example.com`;
  const u = await getDb().user.create({ data: { email, name, role, passwordHash: "x" } });
  return { id: u.id, email, name, role };
}

beforeAll(async () => {
  ana = await makeUser("Ana", "EDITOR");
  ben = await makeUser("Ben", "EDITOR");
  viewer = await makeUser("Vera", "VIEWER");
  dataSourceId = (await createTestDataSource()).id;
});

afterAll(async () => {
  await disconnectDb();
});

describe("chart versions", () => {
  it("records a version with every save, in the same transaction as the save", async () => {
    const { id } = await createChart(ana.id, { title: "Signups", sql: "select 1 as n", dataSourceId, vizType: "number" });
    await updateChart(id, ben.id, { version: 1, sql: "select 2 as n", vizConfig: { format: "percent" } });
    // A stale save fails and leaves no version behind.
    await expectAppError(updateChart(id, ana.id, { version: 1, title: "Stale" }));

    const rows = await getDb().chartVersion.findMany({ where: { chartId: id }, orderBy: { version: "asc" } });
    expect(rows.map((r) => ({ version: r.version, sql: r.sql, vizConfig: r.vizConfig, savedById: r.savedById, title: r.title }))).toEqual([
      { version: 1, sql: "select 1 as n", vizConfig: {}, savedById: ana.id, title: "Signups" },
      { version: 2, sql: "select 2 as n", vizConfig: { format: "percent" }, savedById: ben.id, title: "Signups" },
    ]);

    // A partial save changes only what it sends.
    expect(await getChartOrThrow(id)).toMatchObject({ version: 2, vizType: "number", sql: "select 2 as n", title: "Signups" });

    const list = await listChartVersions(id);
    expect(list).toMatchObject({ kind: "chart", id, currentVersion: 2, nextBefore: null });
    expect(list.versions.map((v) => [v.version, v.savedBy?.name, v.changes, v.current])).toEqual([
      [2, "Ben", ["SQL", "settings"], true],
      [1, "Ana", ["first version"], false],
    ]);
  });

  it("restores the SQL and settings of an old version as a new version, and a stale restore is a CONFLICT", async () => {
    const params = [{ name: "since", type: "date" as const, default: "2024-01-01" }];
    const { id } = await createChart(ana.id, {
      title: "Revenue",
      description: "Gross **revenue**.",
      sql: "select {{since}}::date as d, 10 as revenue",
      dataSourceId,
      vizType: "bar",
      vizConfig: { x: "d", y: ["revenue"], stacking: "stacked" },
      parameters: params,
    });
    await updateChart(id, ben.id, {
      version: 1,
      title: "Revenue (net)",
      sql: "select 5 as revenue",
      vizType: "number",
      vizConfig: { format: "currency" },
      parameters: [],
    });

    const restored = await restoreChartVersion(ben, id, 1, 2);
    expect(restored).toMatchObject({ version: 3, restoredFrom: 1, notes: [] });
    const chart = await getChartOrThrow(id);
    expect(chart).toMatchObject({
      version: 3,
      title: "Revenue",
      description: "Gross **revenue**.",
      sql: "select {{since}}::date as d, 10 as revenue",
      vizType: "bar",
      vizConfig: { x: "d", y: ["revenue"], stacking: "stacked" },
      parameters: params,
      updatedBy: { id: ben.id, name: "Ben" },
    });

    const detail = await getChartVersionDetail(id, 3);
    expect(detail.previous?.version).toBe(2);
    expect(detail.version).toMatchObject({ version: 3, sql: chart.sql, savedBy: { id: ben.id, name: "Ben" } });
    expect(detail.version.dataSourceName).toMatch(/^test-warehouse-/);
    const diff = diffChartVersions(detail.previous!, detail.version);
    expect(diff.sql?.filter((l) => l.op !== "same").map((l) => `${l.op} ${l.text}`)).toEqual([
      "del select 5 as revenue",
      "add select {{since}}::date as d, 10 as revenue",
    ]);
    expect(diff.vizType).toEqual({ before: "number", after: "bar" });
    expect((await listChartVersions(id)).versions.map((v) => v.version)).toEqual([3, 2, 1]);

    const stale = await expectAppError(restoreChartVersion(ana, id, 2, 2));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details).toEqual({ currentVersion: 3 });
    expect((await getChartOrThrow(id)).version).toBe(3);

    expect((await expectAppError(restoreChartVersion(viewer, id, 1, 3))).code).toBe("FORBIDDEN");
    expect((await expectAppError(restoreChartVersion(ana, id, 99, 3))).code).toBe("NOT_FOUND");
  });

  it("shows a chart saved before history existed as its only version, and keeps that state when it is next saved", async () => {
    const chart = await getDb().chart.create({ data: { title: "Legacy", sql: "select 'old'", dataSourceId, ownerId: ana.id } });
    const list = await listChartVersions(chart.id);
    expect(list.versions).toEqual([
      { version: 1, savedAt: chart.updatedAt.toISOString(), savedBy: null, changes: ["first version"], current: true },
    ]);
    expect((await getChartVersionDetail(chart.id, 1)).version).toMatchObject({ sql: "select 'old'", title: "Legacy" });

    await updateChart(chart.id, ben.id, { version: 1, sql: "select 'new'" });
    const rows = await getDb().chartVersion.findMany({ where: { chartId: chart.id }, orderBy: { version: "asc" } });
    expect(rows.map((r) => [r.version, r.sql, r.savedById])).toEqual([
      [1, "select 'old'", ana.id],
      [2, "select 'new'", ben.id],
    ]);
  });

  it("refuses, with a clear message, to restore a version whose data source was deleted", async () => {
    const gone = await createTestDataSource();
    const { id } = await createChart(ana.id, { title: "Old warehouse", sql: "select 1", dataSourceId: gone.id });
    await updateChart(id, ana.id, { version: 1, dataSourceId });
    await deleteDataSource(gone.id);
    const e = await expectAppError(restoreChartVersion(ana, id, 1, 2));
    expect(e.code).toBe("INVALID");
    expect(e.message).toContain("Version 1 ran on a data source that has since been deleted");
    expect((await getChartVersionDetail(id, 1)).version.dataSourceName).toBeNull();
    expect((await getChartOrThrow(id)).version).toBe(2);
  });
});

describe("dashboard versions", () => {
  /** A layout save the way the dashboard editor makes one: change, bump the version, record it. */
  async function saveLayout(dashboardId: string, version: number, user: SessionUser, change: { title?: string; tags?: string[]; moveFirstTileTo?: number }) {
    await getDb().$transaction(async (tx) => {
      const { count } = await tx.dashboard.updateMany({
        where: { id: dashboardId, version },
        data: { title: change.title, tags: change.tags, updatedById: user.id, version: { increment: 1 } },
      });
      expect(count).toBe(1);
      if (change.moveFirstTileTo !== undefined) {
        const first = await tx.dashboardTile.findFirstOrThrow({ where: { dashboardId }, orderBy: { position: "asc" } });
        await tx.dashboardTile.update({ where: { id: first.id }, data: { y: change.moveFirstTileTo } });
      }
      await recordDashboardVersion(tx, dashboardId, user.id);
    });
  }

  it("shows a dashboard saved before history existed as its only version, and refuses a stale restore", async () => {
    const { dashboard } = await createTestDashboard({ dataSourceId, title: `Legacy ${suffix}`, charts: [{ title: "Signups", sql: "select 1" }] });
    const list = await listDashboardVersions(ana, dashboard.id);
    expect(list).toMatchObject({ kind: "dashboard", currentVersion: 1, nextBefore: null });
    expect(list.versions).toEqual([{ version: 1, savedAt: dashboard.updatedAt.toISOString(), savedBy: null, changes: ["first version"], current: true }]);
    expect((await getDashboardVersionDetail(ana, dashboard.id, 1)).version).toMatchObject({ title: `Legacy ${suffix}`, tiles: [{ kind: "chart" }] });

    await saveLayout(dashboard.id, 1, ben, { title: "Renamed" });
    const e = await expectAppError(restoreDashboardVersion(ana, dashboard.id, 2, 1));
    expect(e).toMatchObject({ code: "CONFLICT", details: { currentVersion: 2 } });
  });

  it("puts a dashboard back exactly, in one transaction, and says which tiles it could not restore", async () => {
    const { dashboard, charts } = await createTestDashboard({
      dataSourceId,
      title: `Product ${suffix}`,
      charts: [
        { title: "Uploads", sql: "select 1" },
        { title: "Likes", sql: "select 2" },
      ],
    });
    await getDb().dashboardTile.create({ data: { dashboardId: dashboard.id, kind: "header", text: "Engagement", x: 0, y: 4, w: 12, h: 1, position: 2 } });
    // Version 1 as saved by its owner, recorded the way every save records it.
    await getDb().$transaction(async (tx) => {
      await tx.dashboard.update({ where: { id: dashboard.id }, data: { ownerId: ana.id, tags: ["product", "weekly"], filters: [{ name: "since", type: "date" }] } });
      await recordDashboardVersion(tx, dashboard.id, ana.id);
    });
    await saveLayout(dashboard.id, 1, ben, { title: "Product v2", tags: ["product"], moveFirstTileTo: 10 });
    await getDb().chart.delete({ where: { id: charts[1].id } });

    const detail = await getDashboardVersionDetail(ben, dashboard.id, 1);
    expect(detail.chartTitles).toEqual({ [charts[0].id]: "Uploads" });
    expect(detail.current.version).toBe(2);

    const result = await restoreDashboardVersion(ben, dashboard.id, 1, 2);
    expect(result).toEqual({ version: 3, restoredFrom: 1, notes: ["1 chart tile was left out because its chart has been deleted."] });
    const after = await getDb().dashboard.findUniqueOrThrow({
      where: { id: dashboard.id },
      include: { tiles: { orderBy: { position: "asc" } } },
    });
    expect(after).toMatchObject({ title: `Product ${suffix}`, tags: ["product", "weekly"], filters: [{ name: "since", type: "date" }], version: 3, updatedById: ben.id });
    expect(after.tiles.map((t) => [t.kind, t.chartId, t.text, t.x, t.y, t.w, t.h])).toEqual([
      ["chart", charts[0].id, "", 0, 0, 6, 4],
      ["header", null, "Engagement", 0, 4, 12, 1],
    ]);
    const versions = await listDashboardVersions(ben, dashboard.id);
    expect(versions.versions.map((v) => [v.version, v.changes])).toEqual([
      [3, ["title", "tags", "layout"]],
      [2, ["title", "tags", "layout"]],
      [1, ["first version"]],
    ]);

    expect((await expectAppError(restoreDashboardVersion(viewer, dashboard.id, 1, 3))).code).toBe("FORBIDDEN");
    expect((await expectAppError(restoreDashboardVersion(ben, dashboard.id, 2, 2))).code).toBe("CONFLICT");
  });
});
