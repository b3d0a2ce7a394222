import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { invalidateSchemaCache } from "@/lib/schema/schema-cache";
import { dropPool } from "@/lib/warehouse/pools";

/** Deletes a data source no chart uses (its ad-hoc run history goes with it). */
export async function deleteDataSource(id: string): Promise<void> {
  const db = getDb();
  const ds = await db.dataSource.findUnique({ where: { id }, select: { name: true, _count: { select: { charts: true } } } });
  if (!ds) throw notFound("Data source");
  const charts = ds._count.charts;
  if (charts > 0) {
    throw new AppError(
      "CONFLICT",
      `"${ds.name}" is used by ${charts} chart${charts === 1 ? "" : "s"}. Move ${charts === 1 ? "it" : "them"} to another data source or delete ${charts === 1 ? "it" : "them"} first.`,
      { chartCount: charts },
    );
  }
  try {
    await db.dataSource.delete({ where: { id } });
  } catch (e) {
    // A chart created between the count and the delete: the foreign key (onDelete: Restrict) refuses.
    const code = (e as { code?: string }).code;
    if (code === "P2003" || code === "P2014") throw new AppError("CONFLICT", `"${ds.name}" is used by charts and cannot be deleted.`);
    throw e;
  }
  dropPool(id);
  invalidateSchemaCache(id);
}
