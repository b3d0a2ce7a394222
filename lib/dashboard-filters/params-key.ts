// The cache key of a chart result computed with given parameter values (ChartResult.paramsKey).
import { createHash } from "node:crypto";
import type { ParameterValue } from "@/lib/queries/parameters";

/**
 * "" for no values (the result refreshes compute with the chart's defaults); otherwise a hash of the values,
 * the same whatever order the names come in. The "p1:" prefix versions the scheme.
 */
export function paramsKeyOf(values: Record<string, ParameterValue>): string {
  const names = Object.keys(values).sort();
  if (names.length === 0) return "";
  const canonical = names.map((name) => {
    const v = values[name];
    return [name, v !== null && typeof v === "object" && !Array.isArray(v) ? { range: [v.start, v.end] } : v];
  });
  return `p1:${createHash("sha256").update(JSON.stringify(canonical)).digest("hex").slice(0, 40)}`;
}
