import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createChartBodySchema, type CreateChartBody } from "./schemas";

/** Saves a query and how it is drawn as a chart owned by `userId`. */
export async function createChart(userId: string, input: CreateChartBody): Promise<{ id: string }> {
  const body = createChartBodySchema.parse(input);
  const db = getDb();
  const ds = await db.dataSource.findUnique({ where: { id: body.dataSourceId }, select: { id: true } });
  if (!ds) throw new AppError("INVALID", "The chosen data source does not exist.");
  return db.chart.create({
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
}
