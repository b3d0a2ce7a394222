// Version history: every save of a chart or a dashboard layout also stores the state it saved, numbered
// with the row's optimistic-concurrency version, so anyone can see what changed and restore it. Call these
// in the same transaction as the save, after it, so a version row exists exactly when the save committed.
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** What a dashboard version keeps: enough to put the dashboard back exactly as it was. */
export interface DashboardSnapshot {
  title: string;
  description: string;
  filters: unknown;
  tags: string[];
  tiles: { kind: string; chartId: string | null; text: string; x: number; y: number; w: number; h: number; position: number }[];
}

/**
 * Backfill before a save: a chart saved before version history existed (or written by code that does not
 * record) has no row for its current version; store its state as saved by its last editor at its last
 * update, so the save about to happen does not lose it.
 */
export async function ensureChartVersionRecorded(tx: Tx, chartId: string): Promise<void> {
  const chart = await tx.chart.findUnique({ where: { id: chartId } });
  if (!chart) return;
  const exists = await tx.chartVersion.findUnique({ where: { chartId_version: { chartId, version: chart.version } }, select: { id: true } });
  if (exists) return;
  await tx.chartVersion.createMany({
    data: [
      {
        chartId,
        version: chart.version,
        title: chart.title,
        description: chart.description,
        sql: chart.sql,
        dataSourceId: chart.dataSourceId,
        vizType: chart.vizType,
        vizConfig: chart.vizConfig as Prisma.InputJsonValue,
        parameters: chart.parameters as Prisma.InputJsonValue,
        // At version 1 the owner is the one who saved it; later, only the recorded last editor is known.
        savedById: chart.updatedById ?? (chart.version === 1 ? chart.ownerId : null),
        savedAt: chart.updatedAt,
      },
    ],
    skipDuplicates: true,
  });
}

/** Stores the chart's current state as its current version. */
export async function recordChartVersion(tx: Tx, chartId: string, savedById: string | null): Promise<void> {
  const chart = await tx.chart.findUniqueOrThrow({ where: { id: chartId } });
  await tx.chartVersion.upsert({
    where: { chartId_version: { chartId, version: chart.version } },
    create: {
      chartId,
      version: chart.version,
      title: chart.title,
      description: chart.description,
      sql: chart.sql,
      dataSourceId: chart.dataSourceId,
      vizType: chart.vizType,
      vizConfig: chart.vizConfig as Prisma.InputJsonValue,
      parameters: chart.parameters as Prisma.InputJsonValue,
      savedById,
    },
    update: {},
  });
}

/** The dashboard's current title, description, filters, tags and tiles. */
export async function dashboardSnapshot(tx: Tx | ReturnType<typeof getDb>, dashboardId: string): Promise<{ version: number; snapshot: DashboardSnapshot }> {
  const d = await tx.dashboard.findUniqueOrThrow({
    where: { id: dashboardId },
    select: {
      version: true,
      title: true,
      description: true,
      filters: true,
      tags: true,
      tiles: {
        orderBy: [{ position: "asc" }, { y: "asc" }, { x: "asc" }],
        select: { kind: true, chartId: true, text: true, x: true, y: true, w: true, h: true, position: true },
      },
    },
  });
  const { version, ...snapshot } = d;
  return { version, snapshot: snapshot as DashboardSnapshot };
}

/** Backfill before a save, as ensureChartVersionRecorded does for charts. */
export async function ensureDashboardVersionRecorded(tx: Tx, dashboardId: string): Promise<void> {
  const d = await tx.dashboard.findUnique({ where: { id: dashboardId }, select: { version: true, updatedAt: true, updatedById: true, ownerId: true } });
  if (!d) return;
  const exists = await tx.dashboardVersion.findUnique({
    where: { dashboardId_version: { dashboardId, version: d.version } },
    select: { id: true },
  });
  if (exists) return;
  const { version, snapshot } = await dashboardSnapshot(tx, dashboardId);
  await tx.dashboardVersion.createMany({
    data: [{ dashboardId, version, snapshot: snapshot as unknown as Prisma.InputJsonValue, savedById: d.updatedById ?? (d.version === 1 ? d.ownerId : null), savedAt: d.updatedAt }],
    skipDuplicates: true,
  });
}

/** Stores the dashboard's current state as its current version. */
export async function recordDashboardVersion(tx: Tx, dashboardId: string, savedById: string | null): Promise<void> {
  const { version, snapshot } = await dashboardSnapshot(tx, dashboardId);
  await tx.dashboardVersion.upsert({
    where: { dashboardId_version: { dashboardId, version } },
    create: { dashboardId, version, snapshot: snapshot as unknown as Prisma.InputJsonValue, savedById },
    update: {},
  });
}
