import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordChartVersion } from "@/lib/versions/record-version";
import { createChartBodySchema, type CreateChartBody } from "./schemas";

/** Saves a query and how it is drawn as a chart owned by `userId`, with its first version in the history. */
export async function createChart(userId: string, input: CreateChartBody): Promise<{ id: string }> {
  const body = createChartBodySchema.parse(input);
  const db = getDb();
  const ds = await db.dataSource.findUnique({ where: { id: body.dataSourceId }, select: { id: true } });
  if (!ds) throw new AppError("INVALID", "The chosen data source does not exist.");
  return db.$transaction(async (tx) => {
    const chart = await tx.chart.create({
      data: {
        title: body.title,
        description: body.description,
        sql: body.sql,
        dataSourceId: body.dataSourceId,
        vizType: body.vizType,
        vizConfig: body.vizConfig,
        parameters: body.parameters,
        ownerId: userId,
        updatedById: userId,
      },
      select: { id: true },
    });
    await recordChartVersion(tx, chart.id, userId);
    return chart;
  });
}
