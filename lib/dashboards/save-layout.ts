// Saves a dashboard's whole layout (every tile's kind, text, position and size) in one transaction,
// refusing to overwrite a newer version, and records the saved state in the version history.
import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordDashboardVersion } from "@/lib/versions/record-version";
import { getDashboardOrThrow } from "./get-dashboard";
import { readingOrder, type TileKind } from "./layout/grid";
import type { SaveLayoutInput } from "./schemas";

export interface SavedTile {
  id: string;
  kind: TileKind;
  chartId: string | null;
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SavedLayout {
  version: number;
  /** The saved tiles in the order they were sent, each with its id (new tiles get theirs here). */
  tiles: SavedTile[];
}

export function conflictError(currentVersion: number): AppError {
  return new AppError("CONFLICT", "Someone else changed this dashboard since you opened it. Reload to see their changes, then try again.", {
    currentVersion,
  });
}

/**
 * Replaces the layout with `input.tiles`: tiles with an id are moved, resized and (text, header)
 * rewritten; tiles without one are created; tiles left out are removed. The input is already valid
 * (saveLayoutSchema: inside the grid, no overlaps); here we check it against the dashboard itself.
 */
export async function saveDashboardLayout(user: SessionUser, dashboardId: string, input: SaveLayoutInput): Promise<SavedLayout> {
  await getDashboardOrThrow(dashboardId, user);
  assertAllowed(canEditContent(user), "edit dashboards");
  return getDb().$transaction(
    async (tx) => {
      // The version check and the row lock in one statement: concurrent saves queue here, and only the
      // first from a given version passes.
      const { count } = await tx.dashboard.updateMany({
        where: { id: dashboardId, version: input.version },
        data: { version: { increment: 1 }, updatedById: user.id },
      });
      if (count === 0) {
        const current = await tx.dashboard.findUnique({ where: { id: dashboardId }, select: { version: true } });
        if (!current) throw notFound("Dashboard");
        throw conflictError(current.version);
      }

      const existing = new Map(
        (await tx.dashboardTile.findMany({ where: { dashboardId }, select: { id: true, kind: true, chartId: true } })).map((t) => [t.id, t]),
      );
      input.tiles.forEach((t, i) => {
        if (!t.id) return;
        const found = existing.get(t.id);
        if (!found) throw new AppError("INVALID", `Tile ${i + 1} is not on this dashboard (any more). Reload the dashboard and try again.`);
        if (found.kind !== t.kind) throw new AppError("INVALID", `Tile ${i + 1} is a ${found.kind} tile; a tile cannot change its kind.`);
      });
      const newChartIds = [...new Set(input.tiles.flatMap((t) => (t.kind === "chart" && !t.id && t.chartId ? [t.chartId] : [])))];
      if (newChartIds.length > 0) {
        const found = new Set((await tx.chart.findMany({ where: { id: { in: newChartIds } }, select: { id: true } })).map((c) => c.id));
        const missing = newChartIds.find((id) => !found.has(id));
        if (missing) throw notFound(`Chart ${missing}`);
      }

      const kept = new Set(input.tiles.flatMap((t) => (t.id ? [t.id] : [])));
      const removed = [...existing.keys()].filter((id) => !kept.has(id));
      if (removed.length > 0) await tx.dashboardTile.deleteMany({ where: { dashboardId, id: { in: removed } } });

      // `position` follows reading order, so anything that lists tiles without sorting by x/y still reads well.
      const positionOf = new Map(readingOrder(input.tiles.map((t, index) => ({ ...t, index }))).map((t, position) => [t.index, position]));
      const select = { id: true, kind: true, chartId: true, text: true, x: true, y: true, w: true, h: true } as const;
      const saved: SavedTile[] = [];
      for (const [index, t] of input.tiles.entries()) {
        const text = t.kind === "chart" ? "" : t.text;
        const data = { x: t.x, y: t.y, w: t.w, h: t.h, position: positionOf.get(index)! };
        const row = t.id
          ? await tx.dashboardTile.update({ where: { id: t.id }, data: t.kind === "chart" ? data : { ...data, text }, select })
          : await tx.dashboardTile.create({
              data: { ...data, dashboardId, kind: t.kind, text, chartId: t.kind === "chart" ? t.chartId : null },
              select,
            });
        saved.push({ ...row, kind: row.kind as TileKind });
      }

      await recordDashboardVersion(tx, dashboardId, user.id);
      const { version } = await tx.dashboard.findUniqueOrThrow({ where: { id: dashboardId }, select: { version: true } });
      return { version, tiles: saved };
    },
    { timeout: 20_000 },
  );
}
