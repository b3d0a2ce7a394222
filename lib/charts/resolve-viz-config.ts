// Fills in what a chart's config leaves out, from the result's columns. Columns named in the config that
// the result no longer has (the SQL changed) are ignored rather than breaking the chart.
import type { ResultColumn } from "@/lib/warehouse/types";
import { isTemporal, type ConcreteVizType } from "./infer-viz-type";
import type { VizConfig } from "./types";
import type { NumberFormat } from "./format";

export interface ResolvedVizConfig {
  /** x axis / category / label column; undefined for "number" and "table". */
  x?: string;
  /** Value columns, in order. */
  y: string[];
  /** Column whose values split the rows into series. */
  series?: string;
  /** Column drawn as a dashed "Target" line. */
  target?: string;
  stacked: boolean;
  format: NumberFormat;
}

const AXIS_TYPES: ConcreteVizType[] = ["line", "area", "bar"];
const TARGET_NAMES = /^(target|goal|plan)$/i;

export function resolveVizConfig(vizType: ConcreteVizType, columns: ResultColumn[], config: VizConfig = {}): ResolvedVizConfig {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const has = (name: string | undefined): name is string => name !== undefined && name !== "" && byName.has(name);
  const stacked = config.stacked ?? false;
  const format = config.format ?? "number";

  // With no columns chosen, a numeric column called target/goal/plan is drawn as the target line
  // (config.target === "" turns this off).
  const target = has(config.target)
    ? config.target
    : config.target === undefined && config.y === undefined && AXIS_TYPES.includes(vizType)
      ? columns.find((c) => c.type === "number" && TARGET_NAMES.test(c.name))?.name
      : undefined;
  const numericNames = columns.filter((c) => c.type === "number").map((c) => c.name);

  if (vizType === "table") return { y: [], stacked, format };
  if (vizType === "number") {
    const y = (config.y ?? []).filter((n) => byName.get(n)?.type === "number");
    return { y: y.length > 0 ? y : numericNames.slice(0, 1), stacked, format };
  }

  const explicitSeries = has(config.series) ? config.series : undefined;
  const reserved = new Set([target, explicitSeries].filter((n): n is string => n !== undefined));
  const candidates = columns.filter((c) => !reserved.has(c.name));
  const first = (pred: (c: ResultColumn) => boolean) => candidates.find(pred)?.name;

  let x: string | undefined;
  if (has(config.x)) x = config.x;
  else if (vizType === "line" || vizType === "area") x = first(isTemporal) ?? first((c) => c.type === "string") ?? first(() => true);
  else if (vizType === "bar" || vizType === "pie") x = first((c) => c.type === "string") ?? first(isTemporal) ?? first(() => true);
  else x = first((c) => c.type === "number"); // scatter

  // Long rows (x, category, value) are common: with no columns chosen, split them by the first text
  // column (config.series === "" turns this off).
  let series = explicitSeries;
  if (series === undefined && config.series === undefined && config.y === undefined && AXIS_TYPES.includes(vizType)) {
    series = columns.find((c) => c.type === "string" && c.name !== x && c.name !== target)?.name;
  }

  const exclude = new Set([x, series, target]);
  let y = (config.y ?? []).filter((n) => has(n) && !exclude.has(n));
  if (y.length === 0) y = numericNames.filter((n) => !exclude.has(n));
  if (vizType === "pie") y = y.slice(0, 1);

  return {
    x,
    y,
    ...(series !== undefined ? { series } : {}),
    ...(target !== undefined ? { target } : {}),
    stacked,
    format,
  };
}
