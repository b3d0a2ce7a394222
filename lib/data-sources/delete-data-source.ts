import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { invalidateSchemaCache } from "@/lib/schema/schema-cache";
import { forgetCachedResults } from "@/lib/queries/execute-query";
import { dropPool } from "@/lib/warehouse/pools";
import { findDataSourceUsage, usageBlockingDelete } from "./find-data-source-usage";

/**
 * Deletes a data source no chart and no dashboard filter uses. Its runs stay in the query history, with
 * the source's name (the foreign key sets their link to null).
 */
export async function deleteDataSource(id: string): Promise<void> {
  const db = getDb();
  const ds = await db.dataSource.findUnique({ where: { id }, select: { name: true } });
  if (!ds) throw notFound("Data source");
  const usage = await findDataSourceUsage(id);
  const blocked = usageBlockingDelete(ds.name, usage);
  if (blocked) throw new AppError("CONFLICT", blocked, { chartCount: usage.charts.length, filterCount: usage.filters.length });
  try {
    await db.$transaction([
      db.queryRun.updateMany({ where: { dataSourceId: id }, data: { dataSourceName: ds.name } }),
      db.dataSource.delete({ where: { id } }),
    ]);
  } catch (e) {
    // A chart created between the check and the delete: the foreign key (onDelete: Restrict) refuses.
    const code = (e as { code?: string }).code;
    if (code === "P2003" || code === "P2014") throw new AppError("CONFLICT", `"${ds.name}" is used by charts and cannot be deleted.`);
    throw e;
  }
  dropPool(id);
  invalidateSchemaCache(id);
  forgetCachedResults(id);
}
