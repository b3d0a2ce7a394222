// How a result value reads in a table cell. NULL is handled by the table itself (shown distinctly).
import type { ResultColumn } from "@/lib/warehouse/types";

/** Text of a non-null cell: numbers as the warehouse gave them, timestamps readable, JSON compact. */
export function formatCell(value: unknown, column: Pick<ResultColumn, "type">): string {
  if (value === null || value === undefined) return "NULL";
  if (column.type === "timestamp" && typeof value === "string") {
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z)?$/.exec(value);
    if (m) {
      const fraction = m[3] && !/^\.0+$/.test(m[3]) ? m[3] : "";
      return `${m[1]} ${m[2]}${fraction}${m[4] ? " UTC" : ""}`;
    }
    return value;
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
