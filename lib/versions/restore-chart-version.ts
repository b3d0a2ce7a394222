import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { chartPeopleInclude, toChartRecord, type ChartRecord } from "@/lib/charts/chart-record";
import { chartConflict } from "@/lib/charts/update-chart";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ensureChartVersionRecorded, recordChartVersion } from "./record-version";
import type { RestoreResponse } from "./types";

/**
 * Puts a chart back as it was at `fromVersion` (title, definition, SQL, data source, chart type, settings,
 * parameters) by saving that state as a new version, with the same version check as any save:
 * `expectedVersion` is the version the user was looking at.
 */
export async function restoreChartVersion(
  user: SessionUser,
  chartId: string,
  fromVersion: number,
  expectedVersion: number,
): Promise<RestoreResponse & { chart: ChartRecord }> {
  assertAllowed(canEditContent(user), "restore chart versions");
  const db = getDb();
  const version = await db.$transaction(async (tx) => {
    const chart = await tx.chart.findUnique({ where: { id: chartId } });
    if (!chart) throw notFound("Chart");
    if (chart.version !== expectedVersion) throw chartConflict(chart.version);
    const row = await tx.chartVersion.findUnique({ where: { chartId_version: { chartId, version: fromVersion } } });
    const target = row ?? (fromVersion === chart.version ? chart : null);
    if (!target) throw notFound("Version");
    const source = await tx.dataSource.findUnique({ where: { id: target.dataSourceId }, select: { id: true } });
    if (!source) {
      throw new AppError(
        "INVALID",
        `Version ${fromVersion} ran on a data source that has since been deleted, so it cannot be restored as it was. ` +
          "Open the chart, copy what you need from this version, and save it with an existing data source.",
      );
    }
    await ensureChartVersionRecorded(tx, chartId);
    const { count } = await tx.chart.updateMany({
      where: { id: chartId, version: expectedVersion },
      data: {
        title: target.title,
        description: target.description,
        sql: target.sql,
        dataSourceId: target.dataSourceId,
        vizType: target.vizType,
        vizConfig: target.vizConfig as Prisma.InputJsonValue,
        parameters: target.parameters as Prisma.InputJsonValue,
        updatedById: user.id,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      // Someone saved between our read and this update.
      const now = await tx.chart.findUnique({ where: { id: chartId }, select: { version: true } });
      if (!now) throw notFound("Chart");
      throw chartConflict(now.version);
    }
    await recordChartVersion(tx, chartId, user.id);
    return expectedVersion + 1;
  });
  const chart = await db.chart.findUniqueOrThrow({ where: { id: chartId }, include: chartPeopleInclude });
  return { version, restoredFrom: fromVersion, notes: [], chart: toChartRecord(chart) };
}
