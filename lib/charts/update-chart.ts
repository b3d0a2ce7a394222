import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { chartPeopleInclude, toChartRecord, type ChartRecord } from "./chart-record";
import { updateChartBodySchema, type UpdateChartBody } from "./schemas";

/**
 * Saves changes to a chart if nobody else saved since `version` was read (optimistic concurrency):
 * the update only matches the row at that version, and bumps it.
 */
export async function updateChart(chartId: string, userId: string, input: UpdateChartBody): Promise<ChartRecord> {
  const { version, ...changes } = updateChartBodySchema.parse(input);
  const db = getDb();
  if (changes.dataSourceId !== undefined) {
    const ds = await db.dataSource.findUnique({ where: { id: changes.dataSourceId }, select: { id: true } });
    if (!ds) throw new AppError("INVALID", "The chosen data source does not exist.");
  }
  const { count } = await db.chart.updateMany({
    where: { id: chartId, version },
    data: { ...changes, updatedById: userId, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await db.chart.findUnique({ where: { id: chartId }, select: { version: true } });
    if (!current) throw notFound("Chart");
    throw new AppError(
      "CONFLICT",
      "Someone else saved this chart while you were editing it. Reload to see their changes, then apply yours again.",
      { currentVersion: current.version },
    );
  }
  const chart = await db.chart.findUniqueOrThrow({ where: { id: chartId }, include: chartPeopleInclude });
  return toChartRecord(chart);
}
