// The result columns a chart's settings name, so tests can check that the chart's SQL returns each of them.
import type { VizConfig } from "@/lib/charts/types";

/**
 * Every column named in `config` (x, y, series, size, target, lineColumns, rightAxisColumns, the pivot's
 * rows, columns and value, conditional formats' columns), once each, in that order. "" ("off") is not a name.
 */
export function vizConfigColumns(config: VizConfig): string[] {
  const names = [
    config.x,
    ...(config.y ?? []),
    config.series,
    config.size,
    config.target,
    ...(config.lineColumns ?? []),
    ...(config.rightAxisColumns ?? []),
    ...(config.pivot?.rows ?? []),
    ...(config.pivot?.columns ?? []),
    config.pivot?.value,
    ...(config.conditionalFormats ?? []).map((f) => f.column),
  ];
  return [...new Set(names.filter((n): n is string => n !== undefined && n !== ""))];
}
