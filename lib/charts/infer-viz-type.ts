// Picks a chart type from the shape of a result, the way an analyst would.
import type { ResultColumn } from "@/lib/warehouse/types";
import type { ConcreteVizType } from "./types";

export type { ConcreteVizType };

export function isTemporal(column: ResultColumn): boolean {
  return column.type === "date" || column.type === "timestamp";
}

/**
 * - one row and one numeric column: "number" (a KPI such as `select count(*) ...`)
 * - a date/timestamp column and a numeric column: "line"
 * - a text column and a numeric column: "bar"
 * - two numeric columns (and nothing to use as a category): "scatter"
 * - anything else: "table"
 * Funnel, cohort, combo, bubble and pivot are never guessed: a result shaped like a cohort (cohort date,
 * period number, value) is also a perfectly good line chart, and a guess that changes with the data would
 * make charts unpredictable. The analyst picks those.
 */
export function inferVizType(columns: ResultColumn[], rows: unknown[][]): ConcreteVizType {
  const numeric = columns.filter((c) => c.type === "number");
  if (rows.length === 1 && numeric.length === 1) return "number";
  if (numeric.length === 0) return "table";
  const temporal = columns.find(isTemporal);
  if (temporal && numeric.length >= 1) return "line";
  if (columns.some((c) => c.type === "string")) return "bar";
  if (numeric.length === 2) return "scatter";
  return "table";
}
