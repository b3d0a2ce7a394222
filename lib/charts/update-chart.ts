import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { ensureChartVersionRecorded, recordChartVersion } from "@/lib/versions/record-version";
import { chartPeopleInclude, toChartRecord, type ChartRecord } from "./chart-record";
import { updateChartBodySchema, type UpdateChartBody } from "./schemas";

/** The error of a save (or restore) made against a version that is no longer the chart's current one. */
export function chartConflict(currentVersion: number): AppError {
  return new AppError(
    "CONFLICT",
    "Someone else saved this chart while you were editing it. Reload to see their changes, then apply yours again.",
    { currentVersion },
  );
}

/**
 * Saves changes to a chart if nobody else saved since `version` was read (optimistic concurrency):
 * the update only matches the row at that version, and bumps it. The saved state is recorded as a new
 * version in the same transaction.
 */
export async function updateChart(chartId: string, userId: string, input: UpdateChartBody): Promise<ChartRecord> {
  const { version, ...parsed } = updateChartBodySchema.parse(input);
  // The body schema is the create schema made partial, and zod 4 still fills in the create defaults for
  // absent fields ("" description, "auto" type, {} settings, [] parameters); only what was sent is saved.
  const sent = new Set(Object.keys(input));
  const changes = Object.fromEntries(Object.entries(parsed).filter(([key]) => sent.has(key))) as Partial<typeof parsed>;
  const db = getDb();
  if (changes.dataSourceId !== undefined) {
    const ds = await db.dataSource.findUnique({ where: { id: changes.dataSourceId }, select: { id: true } });
    if (!ds) throw new AppError("INVALID", "The chosen data source does not exist.");
  }
  await db.$transaction(async (tx) => {
    // A chart from before version history keeps its pre-save state as a version too.
    await ensureChartVersionRecorded(tx, chartId);
    const { count } = await tx.chart.updateMany({
      where: { id: chartId, version },
      data: { ...changes, updatedById: userId, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.chart.findUnique({ where: { id: chartId }, select: { version: true } });
      if (!current) throw notFound("Chart");
      throw chartConflict(current.version);
    }
    await recordChartVersion(tx, chartId, userId);
  });
  const chart = await db.chart.findUniqueOrThrow({ where: { id: chartId }, include: chartPeopleInclude });
  return toChartRecord(chart);
}
