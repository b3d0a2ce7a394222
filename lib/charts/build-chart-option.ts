// The ECharts option for a chart, built from a query result and the chart's config. Pure: the same input
// always gives the same option (no animation, fixed palette, UTC time axis), so snapshots are stable.
// The builders, one per chart family, live in ./options.
import type { QueryResult } from "@/lib/warehouse/types";
import { inferVizType, type ConcreteVizType } from "./infer-viz-type";
import { buildAxisChart } from "./options/axis";
import { buildCohortChart } from "./options/cohort";
import type { BuiltChart } from "./options/common";
import { buildFunnelChart } from "./options/funnel";
import { buildPieChart } from "./options/pie";
import { buildScatterChart } from "./options/scatter";
import { resolveVizConfig } from "./resolve-viz-config";
import type { VizConfig, VizType } from "./types";

export type { BuiltChart } from "./options/common";
export { TARGET_NAME } from "./options/axis";
export { PALETTE, TARGET_COLOR, OTHER_COLOR, seriesColor, assignSeriesColors } from "./options/palette";
export {
  MAX_POINTS_PER_SERIES,
  MAX_TOTAL_POINTS,
  MAX_SERIES,
  MAX_CATEGORIES,
  MAX_SCATTER_POINTS,
  MAX_SCATTER_SERIES,
  MAX_PIE_SLICES,
  MAX_COHORTS,
  MAX_COHORT_PERIODS,
  MAX_FUNNEL_STAGES,
} from "./options/sampling";

/** The types drawn in HTML rather than by ECharts. */
const HTML_TYPES: ReadonlySet<ConcreteVizType> = new Set(["number", "table", "pivot"]);

/** The concrete type a chart is drawn as ("auto" resolved from the result's shape). */
export function resolveVizType(vizType: VizType, result: Pick<QueryResult, "columns" | "rows">): ConcreteVizType {
  return vizType === "auto" ? inferVizType(result.columns, result.rows) : vizType;
}

/** The ECharts option and the notes to show under the chart, or null for the types drawn in HTML. */
export function buildChartOption(vizType: VizType, result: Pick<QueryResult, "columns" | "rows">, config: VizConfig = {}): BuiltChart | null {
  const type = resolveVizType(vizType, result);
  if (HTML_TYPES.has(type)) return null;
  const cfg = resolveVizConfig(type, result.columns, config);
  switch (type) {
    case "line":
    case "area":
    case "bar":
    case "combo":
      return buildAxisChart(type, result, cfg);
    case "scatter":
    case "bubble":
      return buildScatterChart(type, result, cfg);
    case "pie":
    case "donut":
      return buildPieChart(type, result, cfg);
    case "funnel":
      return buildFunnelChart(result, cfg);
    case "cohort":
      return buildCohortChart(result, cfg);
    default:
      return null;
  }
}
