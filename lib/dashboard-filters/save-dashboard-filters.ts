// Saves a dashboard's filter definitions, refusing to overwrite a newer version, and records the saved
// state in the version history in the same transaction.
import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { conflictError } from "@/lib/dashboards/save-layout";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordDashboardVersion } from "@/lib/versions/record-version";
import type { DashboardFilter, SaveFiltersInput } from "./schema";

export interface SavedFilters {
  version: number;
  filters: DashboardFilter[];
}

export async function saveDashboardFilters(user: SessionUser, dashboardId: string, input: SaveFiltersInput): Promise<SavedFilters> {
  await getDashboardOrThrow(dashboardId, user);
  assertAllowed(canEditContent(user), "edit dashboards");

  const dataSourceIds = [...new Set(input.filters.flatMap((f) => (f.type === "select" ? [f.options.dataSourceId] : [])))];
  if (dataSourceIds.length > 0) {
    const existing = new Set((await getDb().dataSource.findMany({ where: { id: { in: dataSourceIds } }, select: { id: true } })).map((d) => d.id));
    const orphan = input.filters.find((f) => f.type === "select" && !existing.has(f.options.dataSourceId));
    if (orphan) throw new AppError("INVALID", `Filter "${orphan.label}": its data source no longer exists. Pick another one.`);
  }

  return getDb().$transaction(async (tx) => {
    const { count } = await tx.dashboard.updateMany({
      where: { id: dashboardId, version: input.version },
      data: { filters: input.filters as unknown as Prisma.InputJsonValue, version: { increment: 1 }, updatedById: user.id },
    });
    if (count === 0) {
      const current = await tx.dashboard.findUnique({ where: { id: dashboardId }, select: { version: true } });
      if (!current) throw notFound("Dashboard");
      throw conflictError(current.version);
    }
    await recordDashboardVersion(tx, dashboardId, user.id);
    const saved = await tx.dashboard.findUniqueOrThrow({ where: { id: dashboardId }, select: { version: true } });
    return { version: saved.version, filters: input.filters };
  });
}
