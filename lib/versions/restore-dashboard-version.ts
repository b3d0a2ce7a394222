import { assertAllowed, canEditContent, canViewDashboard } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeTags } from "@/lib/search/tags";
import { layoutOf } from "./dashboard-versions";
import { dashboardSnapshot, ensureDashboardVersionRecorded, recordDashboardVersion } from "./record-version";
import type { RestoreResponse } from "./types";

function dashboardConflict(currentVersion: number): AppError {
  return new AppError("CONFLICT", "Someone else changed this dashboard since you opened it. Reload to see their changes, then try again.", {
    currentVersion,
  });
}

/**
 * Puts a dashboard back as it was at `fromVersion`: title, description, filters, tags and tiles, in one
 * transaction, as a new version. Chart tiles whose chart has since been deleted are left out, and the
 * response says so. `expectedVersion` is the version the user was looking at (CONFLICT when stale).
 */
export async function restoreDashboardVersion(
  user: SessionUser,
  dashboardId: string,
  fromVersion: number,
  expectedVersion: number,
): Promise<RestoreResponse> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const dashboard = await tx.dashboard.findUnique({ where: { id: dashboardId }, select: { version: true, isPrivate: true, ownerId: true } });
    if (!dashboard || !canViewDashboard(user, dashboard)) throw notFound("Dashboard");
    assertAllowed(canEditContent(user), "restore dashboard versions");
    if (dashboard.version !== expectedVersion) throw dashboardConflict(dashboard.version);

    const row = await tx.dashboardVersion.findUnique({ where: { dashboardId_version: { dashboardId, version: fromVersion } } });
    const snapshot = row ? layoutOf(row.snapshot) : fromVersion === dashboard.version ? layoutOf((await dashboardSnapshot(tx, dashboardId)).snapshot) : null;
    if (!snapshot) throw notFound("Version");

    await ensureDashboardVersionRecorded(tx, dashboardId);
    const wanted = [...new Set(snapshot.tiles.flatMap((t) => (t.kind === "chart" && t.chartId ? [t.chartId] : [])))];
    const existing = new Set((await tx.chart.findMany({ where: { id: { in: wanted } }, select: { id: true } })).map((c) => c.id));
    const tiles = snapshot.tiles.filter((t) => t.kind !== "chart" || (t.chartId !== null && existing.has(t.chartId)));
    const dropped = snapshot.tiles.length - tiles.length;

    const { count } = await tx.dashboard.updateMany({
      where: { id: dashboardId, version: expectedVersion },
      data: {
        title: snapshot.title,
        description: snapshot.description,
        filters: snapshot.filters as Prisma.InputJsonValue,
        tags: normalizeTags(snapshot.tags),
        updatedById: user.id,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const now = await tx.dashboard.findUnique({ where: { id: dashboardId }, select: { version: true } });
      if (!now) throw notFound("Dashboard");
      throw dashboardConflict(now.version);
    }
    await tx.dashboardTile.deleteMany({ where: { dashboardId } });
    if (tiles.length) {
      await tx.dashboardTile.createMany({
        data: tiles.map((t, i) => ({
          dashboardId,
          chartId: t.kind === "chart" ? t.chartId : null,
          kind: t.kind,
          text: t.text ?? "",
          x: t.x,
          y: t.y,
          w: t.w,
          h: t.h,
          position: Number.isInteger(t.position) ? t.position : i,
        })),
      });
    }
    await recordDashboardVersion(tx, dashboardId, user.id);
    const notes =
      dropped > 0
        ? [`${dropped} chart ${dropped === 1 ? "tile was" : "tiles were"} left out because ${dropped === 1 ? "its chart has" : "their charts have"} been deleted.`]
        : [];
    return { version: expectedVersion + 1, restoredFrom: fromVersion, notes };
  });
}
