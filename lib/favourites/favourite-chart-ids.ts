import { getDb } from "@/lib/db";

/** Which of `chartIds` the user has starred (one query for a whole dashboard's tiles). */
export async function favouriteChartIds(userId: string, chartIds: readonly string[]): Promise<string[]> {
  if (chartIds.length === 0) return [];
  const rows = await getDb().favourite.findMany({ where: { userId, chartId: { in: [...chartIds] } }, select: { chartId: true } });
  return rows.flatMap((r) => (r.chartId ? [r.chartId] : []));
}
