// The names a chart's series are drawn under, which the colour settings are keyed by.
import { categoryLabel } from "@/lib/charts/format";
import type { ConcreteVizType } from "@/lib/charts/types";
import type { QueryResult } from "@/lib/warehouse/types";

export const MAX_COLOR_SERIES = 20;

/**
 * - split by a column: that column's distinct values, in the order they first appear ("web · sessions"
 *   with several value columns), as the option builders name them
 * - pie, donut, funnel: each slice or stage is coloured, so the label column's distinct values
 * - otherwise the value (y) columns
 * At most `limit` names.
 */
export function seriesNames(
  type: ConcreteVizType,
  result: Pick<QueryResult, "columns" | "rows">,
  resolved: { x?: string; y: string[]; series?: string },
  limit: number = MAX_COLOR_SERIES,
): string[] {
  const distinctOf = (column: string | undefined): string[] | null => {
    const index = column === undefined ? -1 : result.columns.findIndex((c) => c.name === column);
    if (index < 0) return null;
    const names = new Set<string>();
    for (const row of result.rows) {
      names.add(categoryLabel(row[index]));
      if (names.size >= limit) break;
    }
    return [...names];
  };
  if (type === "pie" || type === "donut" || type === "funnel") return distinctOf(resolved.x) ?? [];
  if (resolved.series) {
    const split = distinctOf(resolved.series);
    // With several value columns each split value has one series per column, named "web · sessions".
    if (split) return resolved.y.length > 1 ? split.flatMap((v) => resolved.y.map((y) => `${v} · ${y}`)).slice(0, limit) : split;
  }
  return resolved.y.slice(0, limit);
}
