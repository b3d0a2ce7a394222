// Saving a dashboard's layout against the real app DB: the whole layout in one save, the version check,
// validation messages as the API sends them, permissions, and the version history row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/errors";
import { createTestDashboard, createTestDataSource } from "@/lib/testing/fixtures";
import { expectAppError } from "@/lib/testing/expect-app-error";
import type { DashboardSnapshot } from "@/lib/versions/record-version";
import { addChartTile } from "./add-chart-tile";
import { saveDashboardLayout } from "./save-layout";
import { saveLayoutSchema } from "./schemas";

const users: Record<"editor" | "viewer" | "other", SessionUser> = {} as never;
let dataSourceId: string;

beforeAll(async () => {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  for (const [key, role] of [["editor", "EDITOR"], ["viewer", "VIEWER"], ["other", "EDITOR"]] as const) {
    const u = await getDb().user.create({ data: { email: `layout-${key}-${stamp}@example.com`, name: key, passwordHash: "x", role } });
    users[key] = { id: u.id, email: u.email, name: u.name, role: u.role };
  }
  dataSourceId = (await createTestDataSource()).id;
});

afterAll(async () => {
  await getDb().user.deleteMany({ where: { id: { in: Object.values(users).map((u) => u.id) } } });
});

/** A dashboard with two half-width charts side by side (rows 0-3). */
async function twoCharts() {
  const { dashboard, charts } = await createTestDashboard({
    dataSourceId,
    charts: [
      { title: "Left", sql: "select 1 as a" },
      { title: "Right", sql: "select 2 as b" },
    ],
  });
  const tiles = await getDb().dashboardTile.findMany({ where: { dashboardId: dashboard.id }, orderBy: { x: "asc" } });
  return { dashboard, charts, left: tiles[0], right: tiles[1] };
}

const tilesOf = (dashboardId: string) =>
  getDb().dashboardTile.findMany({
    where: { dashboardId },
    orderBy: { position: "asc" },
    select: { kind: true, chartId: true, text: true, x: true, y: true, w: true, h: true, position: true },
  });

describe("saveDashboardLayout", () => {
  it("moves, adds and removes tiles in one save and bumps the version", async () => {
    const { dashboard, charts, left, right } = await twoCharts();
    const saved = await saveDashboardLayout(users.editor, dashboard.id, {
      version: dashboard.version,
      tiles: [
        { kind: "header", text: "Acquisition", x: 0, y: 0, w: 12, h: 1 },
        { id: right.id, kind: "chart", x: 0, y: 1, w: 12, h: 5 },
        { kind: "text", text: "Numbers refresh **hourly**.", x: 0, y: 6, w: 4, h: 2 },
      ],
    });
    expect(saved.version).toBe(dashboard.version + 1);
    expect(saved.tiles.map(({ id, ...t }) => [typeof id, t])).toEqual([
      ["string", { kind: "header", chartId: null, text: "Acquisition", x: 0, y: 0, w: 12, h: 1 }],
      ["string", { kind: "chart", chartId: charts[1].id, text: "", x: 0, y: 1, w: 12, h: 5 }],
      ["string", { kind: "text", chartId: null, text: "Numbers refresh **hourly**.", x: 0, y: 6, w: 4, h: 2 }],
    ]);
    expect(saved.tiles[1].id).toBe(right.id);
    expect(await tilesOf(dashboard.id)).toEqual([
      { kind: "header", chartId: null, text: "Acquisition", x: 0, y: 0, w: 12, h: 1, position: 0 },
      { kind: "chart", chartId: charts[1].id, text: "", x: 0, y: 1, w: 12, h: 5, position: 1 },
      { kind: "text", chartId: null, text: "Numbers refresh **hourly**.", x: 0, y: 6, w: 4, h: 2, position: 2 },
    ]);
    expect(await getDb().dashboardTile.findUnique({ where: { id: left.id } })).toBeNull();
    const row = await getDb().dashboard.findUniqueOrThrow({ where: { id: dashboard.id } });
    expect(row).toMatchObject({ version: dashboard.version + 1, updatedById: users.editor.id });
  });

  it("records the saved layout as a version", async () => {
    const { dashboard, charts, left, right } = await twoCharts();
    await saveDashboardLayout(users.editor, dashboard.id, {
      version: dashboard.version,
      tiles: [
        { id: right.id, kind: "chart", x: 0, y: 0, w: 6, h: 4 },
        { id: left.id, kind: "chart", x: 6, y: 0, w: 6, h: 3 },
      ],
    });
    const version = await getDb().dashboardVersion.findUniqueOrThrow({
      where: { dashboardId_version: { dashboardId: dashboard.id, version: dashboard.version + 1 } },
    });
    expect(version.savedById).toBe(users.editor.id);
    expect((version.snapshot as unknown as DashboardSnapshot).tiles).toEqual([
      { kind: "chart", chartId: charts[1].id, text: "", x: 0, y: 0, w: 6, h: 4, position: 0 },
      { kind: "chart", chartId: charts[0].id, text: "", x: 6, y: 0, w: 6, h: 3, position: 1 },
    ]);
  });

  it("refuses a save from a stale version and keeps the first save", async () => {
    const { dashboard, left, right } = await twoCharts();
    await saveDashboardLayout(users.editor, dashboard.id, {
      version: dashboard.version,
      tiles: [
        { id: left.id, kind: "chart", x: 0, y: 0, w: 12, h: 4 },
        { id: right.id, kind: "chart", x: 0, y: 4, w: 12, h: 4 },
      ],
    });
    const error = await expectAppError(
      saveDashboardLayout(users.other, dashboard.id, { version: dashboard.version, tiles: [{ id: left.id, kind: "chart", x: 0, y: 0, w: 6, h: 4 }] }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toEqual({ currentVersion: dashboard.version + 1 });
    const res = errorResponse(error);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: {
        code: "CONFLICT",
        message: "Someone else changed this dashboard since you opened it. Reload to see their changes, then try again.",
        currentVersion: dashboard.version + 1,
      },
    });
    expect((await tilesOf(dashboard.id)).map((t) => [t.x, t.y, t.w, t.h])).toEqual([
      [0, 0, 12, 4],
      [0, 4, 12, 4],
    ]);
    expect(await getDb().dashboardVersion.count({ where: { dashboardId: dashboard.id } })).toBe(1);
  });

  it("lets only one of two simultaneous saves from the same version through", async () => {
    const { dashboard, left, right } = await twoCharts();
    const save = (w: number) =>
      saveDashboardLayout(users.editor, dashboard.id, {
        version: dashboard.version,
        tiles: [
          { id: left.id, kind: "chart", x: 0, y: 0, w, h: 4 },
          { id: right.id, kind: "chart", x: 0, y: 4, w, h: 4 },
        ],
      });
    const outcomes = await Promise.allSettled([save(4), save(8)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
  });

  it("refuses viewers with 403, and hides other people's private dashboards with 404", async () => {
    const { dashboard, left } = await twoCharts();
    const input = { version: dashboard.version, tiles: [{ id: left.id, kind: "chart" as const, x: 0, y: 0, w: 6, h: 4 }] };
    const forbidden = await expectAppError(saveDashboardLayout(users.viewer, dashboard.id, input));
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(errorResponse(forbidden).status).toBe(403);
    expect(forbidden.message).toBe("You do not have permission to edit dashboards.");

    await getDb().dashboard.update({ where: { id: dashboard.id }, data: { isPrivate: true, ownerId: users.editor.id } });
    const hidden = await expectAppError(saveDashboardLayout(users.other, dashboard.id, input));
    expect(hidden.code).toBe("NOT_FOUND");
    expect((await getDb().dashboard.findUniqueOrThrow({ where: { id: dashboard.id } })).version).toBe(dashboard.version);
  });

  it("refuses tiles of another dashboard and kind changes", async () => {
    const first = await twoCharts();
    const second = await twoCharts();
    const foreign = await expectAppError(
      saveDashboardLayout(users.editor, first.dashboard.id, {
        version: first.dashboard.version,
        tiles: [{ id: second.left.id, kind: "chart", x: 0, y: 0, w: 6, h: 4 }],
      }),
    );
    expect(foreign.code).toBe("INVALID");
    expect(foreign.message).toBe("Tile 1 is not on this dashboard (any more). Reload the dashboard and try again.");
    const kind = await expectAppError(
      saveDashboardLayout(users.editor, first.dashboard.id, {
        version: first.dashboard.version,
        tiles: [{ id: first.left.id, kind: "text", text: "hi", x: 0, y: 0, w: 6, h: 4 }],
      }),
    );
    expect(kind.message).toBe("Tile 1 is a chart tile; a tile cannot change its kind.");
    // Nothing was saved by either attempt.
    expect((await getDb().dashboard.findUniqueOrThrow({ where: { id: first.dashboard.id } })).version).toBe(first.dashboard.version);
    expect(await tilesOf(first.dashboard.id)).toHaveLength(2);
  });
});

describe("the layout schema, as the API answers", () => {
  async function answer(body: unknown) {
    const parsed = saveLayoutSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    const res = errorResponse(parsed.error);
    return { status: res.status, message: ((await res.json()) as { error: { message: string } }).error.message };
  }

  it("rejects overlapping tiles with a message naming both", async () => {
    expect(
      await answer({
        version: 1,
        tiles: [
          { id: "a", kind: "chart", x: 0, y: 0, w: 6, h: 4 },
          { id: "b", kind: "chart", x: 4, y: 2, w: 6, h: 4 },
        ],
      }),
    ).toEqual({
      status: 422,
      message: "tiles: Tile 1 (chart at column 1, row 1) overlaps tile 2 (chart at column 5, row 3): tiles may not cover each other.",
    });
  });

  it("rejects tiles outside the grid, wrong sizes, long or empty texts and unknown kinds", async () => {
    expect(await answer({ version: 1, tiles: [{ kind: "text", text: "x", x: 8, y: 0, w: 6, h: 2 }] })).toEqual({
      status: 422,
      message: "tiles: Tile 1 (text at column 9, row 1): it reaches column 14, past the grid's 12 columns.",
    });
    expect(await answer({ version: 1, tiles: [{ kind: "header", text: "Sales", x: 0, y: 0, w: 6, h: 1 }] })).toEqual({
      status: 422,
      message: "tiles: Tile 1 (header at column 1, row 1): section headers span the full width (12 columns), not 6.",
    });
    expect(await answer({ version: 1, tiles: [{ kind: "header", text: "  ", x: 0, y: 0, w: 12, h: 1 }] })).toEqual({
      status: 422,
      message: "tiles.0.text: Give the section header a title.",
    });
    expect(await answer({ version: 1, tiles: [{ kind: "text", text: "x".repeat(10_001), x: 0, y: 0, w: 6, h: 2 }] })).toEqual({
      status: 422,
      message: "tiles.0.text: Text tiles hold at most 10,000 characters.",
    });
    expect(await answer({ version: 1, tiles: [{ kind: "image", x: 0, y: 0, w: 6, h: 2 }] })).toEqual({
      status: 422,
      message: "tiles.0.kind: A tile's kind is one of: chart, text, header.",
    });
    expect(await answer({ version: 1, tiles: [{ kind: "chart", x: 0, y: 0, w: 6, h: 4 }] })).toEqual({
      status: 422,
      message: "tiles.0.chartId: Tile 1 is a new chart tile: say which chart (chartId).",
    });
  });
});

describe("addChartTile", () => {
  it("puts the chart in a free slot and records a version", async () => {
    const { dashboard, charts } = await twoCharts();
    await addChartTile(users.editor.id, dashboard.id, charts[0].id);
    const tiles = await tilesOf(dashboard.id);
    expect(tiles.map((t) => [t.x, t.y, t.w, t.h])).toEqual([
      [0, 0, 6, 4],
      [6, 0, 6, 4],
      [0, 4, 6, 4],
    ]);
    const row = await getDb().dashboard.findUniqueOrThrow({ where: { id: dashboard.id } });
    expect(row.version).toBe(dashboard.version + 1);
    expect(await getDb().dashboardVersion.count({ where: { dashboardId: dashboard.id, version: row.version } })).toBe(1);
  });
});
