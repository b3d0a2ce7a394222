// Fills in what a chart's config leaves out, from the result's columns. Columns named in the config that
// the result no longer has (the SQL changed) are ignored rather than breaking the chart.
import type { ResultColumn } from "@/lib/warehouse/types";
import { isTemporal, type ConcreteVizType } from "./infer-viz-type";
import type { VizConfig } from "./types";

type Setting<K extends keyof VizConfig> = NonNullable<VizConfig[K]>;

/** Every setting an option builder reads, with its default filled in. */
export interface ResolvedVizConfig {
  /** x axis / category / stage column; the cohort column for cohort; undefined for number, table, pivot. */
  x?: string;
  /** Value columns, in order. */
  y: string[];
  /** Column whose values split the rows into series; the period column for cohort. */
  series?: string;
  /** Bubble: the column sizing each point. */
  size?: string;
  /** Column drawn as a dashed "Target" line. */
  target?: string;
  sort: Setting<"sort">;
  stacking: Setting<"stacking">;
  orientation: Setting<"orientation">;
  /** Combo: the y columns drawn as lines (a subset of y). */
  lineColumns: string[];
  /** The y columns measured on the right axis (a subset of y). */
  rightAxisColumns: string[];
  gaps: Setting<"gaps">;
  targetValue?: number;
  targetLabel: string;
  xAxis: Setting<"xAxis">;
  yAxis: Setting<"yAxis">;
  rightAxis: Setting<"rightAxis">;
  format: Setting<"format">;
  currency?: string;
  decimals?: number;
  dateFormat: Setting<"dateFormat">;
  colors: Setting<"colors">;
  legend: Setting<"legend">;
  dataLabels: boolean;
  cohortPercent: boolean;
}

const AXIS_TYPES: ConcreteVizType[] = ["line", "area", "bar", "combo"];
/** Types whose long rows are split into series by a text column when nothing is chosen. */
const SPLIT_TYPES: ConcreteVizType[] = ["line", "area", "bar"];
/** Types whose values are read from labels on the chart itself, so labels are on unless turned off. */
const LABELLED_TYPES: ConcreteVizType[] = ["pie", "donut", "funnel", "cohort"];
const TARGET_NAMES = /^(target|goal|plan)$/i;
const INTEGER_DB_TYPES = /^(int2|int4|int8|smallint|integer|bigint)$/i;

export function resolveVizConfig(vizType: ConcreteVizType, columns: ResultColumn[], config: VizConfig = {}): ResolvedVizConfig {
  const roles = resolveColumns(vizType, columns, config);
  const inY = (names: string[] | undefined) => (names ?? []).filter((n) => roles.y.includes(n));
  return {
    ...roles,
    sort: config.sort ?? "query",
    // `stacked: true` was the only stacking setting before `stacking`; charts saved with it still stack.
    stacking: config.stacking ?? (config.stacked ? "stacked" : "none"),
    orientation: config.orientation ?? "vertical",
    lineColumns: vizType === "combo" ? (config.lineColumns !== undefined ? inY(config.lineColumns) : roles.y.slice(1)) : [],
    rightAxisColumns: inY(config.rightAxisColumns),
    gaps: config.gaps ?? "gap",
    ...(config.targetValue !== undefined ? { targetValue: config.targetValue } : {}),
    targetLabel: config.targetLabel ?? "Target",
    xAxis: config.xAxis ?? {},
    yAxis: config.yAxis ?? {},
    rightAxis: config.rightAxis ?? {},
    format: config.format ?? "number",
    ...(config.currency !== undefined ? { currency: config.currency } : {}),
    ...(config.decimals !== undefined ? { decimals: config.decimals } : {}),
    dateFormat: config.dateFormat ?? "auto",
    colors: config.colors ?? {},
    legend: config.legend ?? "auto",
    dataLabels: config.dataLabels ?? LABELLED_TYPES.includes(vizType),
    cohortPercent: config.cohortPercent ?? false,
  };
}

type Roles = Pick<ResolvedVizConfig, "x" | "y" | "series" | "size" | "target">;

/** Which column plays which part. */
function resolveColumns(vizType: ConcreteVizType, columns: ResultColumn[], config: VizConfig): Roles {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const has = (name: string | undefined): name is string => name !== undefined && name !== "" && byName.has(name);
  const isNumber = (c: ResultColumn) => c.type === "number";
  const numericNames = columns.filter(isNumber).map((c) => c.name);
  const chosenY = (exclude: Set<string | undefined>) => (config.y ?? []).filter((n) => has(n) && !exclude.has(n));

  if (vizType === "table" || vizType === "pivot") return { y: [] };
  if (vizType === "number") {
    const y = (config.y ?? []).filter((n) => byName.get(n)?.type === "number");
    return { y: y.length > 0 ? y : numericNames.slice(0, 1) };
  }
  if (vizType === "cohort") return resolveCohortColumns(columns, config, has);
  if (vizType === "scatter" || vizType === "bubble") {
    // Points are coloured by a category only when one is chosen.
    const series = has(config.series) ? config.series : undefined;
    const explicitSize = vizType === "bubble" && has(config.size) ? config.size : undefined;
    const x = has(config.x) ? config.x : columns.find((c) => isNumber(c) && c.name !== series && c.name !== explicitSize)?.name;
    const taken = new Set([x, explicitSize, series]);
    let y = chosenY(taken);
    if (y.length === 0) y = numericNames.filter((n) => !taken.has(n));
    const withSeries = series !== undefined ? { series } : {};
    if (vizType === "scatter") return { x, y, ...withSeries };
    y = y.slice(0, 1);
    // Bubble: the third number sizes the points unless one is chosen.
    const size = explicitSize ?? numericNames.find((n) => !taken.has(n) && !y.includes(n));
    return { x, y, ...withSeries, ...(size !== undefined ? { size } : {}) };
  }

  // With no columns chosen, a numeric column called target/goal/plan is drawn as the target line
  // (config.target === "" turns this off).
  const target = has(config.target)
    ? config.target
    : config.target === undefined && config.y === undefined && AXIS_TYPES.includes(vizType)
      ? columns.find((c) => isNumber(c) && TARGET_NAMES.test(c.name))?.name
      : undefined;
  const explicitSeries = SPLIT_TYPES.includes(vizType) && has(config.series) ? config.series : undefined;
  const reserved = new Set([target, explicitSeries].filter((n): n is string => n !== undefined));
  const candidates = columns.filter((c) => !reserved.has(c.name));
  const first = (pred: (c: ResultColumn) => boolean) => candidates.find(pred)?.name;
  const isText = (c: ResultColumn) => c.type === "string";

  let x: string | undefined;
  if (has(config.x)) x = config.x;
  else if (vizType === "line" || vizType === "area" || vizType === "combo") x = first(isTemporal) ?? first(isText) ?? first(() => true);
  else if (vizType === "funnel") x = first(isText) ?? first((c) => !isNumber(c)) ?? first(() => true);
  else if (vizType === "bar" && first(isTemporal) !== undefined && first(isText) !== undefined) {
    // (date, category, value) rows are bars over time split by the category, as an analyst would draw them.
    x = first(isTemporal);
  } else x = first(isText) ?? first(isTemporal) ?? first(() => true); // bar, pie, donut

  // Long rows (x, category, value) are common: with no columns chosen, split them by the first text
  // column (config.series === "" turns this off).
  let series = explicitSeries;
  if (series === undefined && config.series === undefined && config.y === undefined && SPLIT_TYPES.includes(vizType)) {
    series = columns.find((c) => isText(c) && c.name !== x && c.name !== target)?.name;
  }

  const exclude = new Set([x, series, target]);
  let y = chosenY(exclude);
  if (y.length === 0) y = numericNames.filter((n) => !exclude.has(n));
  if (vizType === "pie" || vizType === "donut" || vizType === "funnel") y = y.slice(0, 1);

  return { x, y, ...(series !== undefined ? { series } : {}), ...(target !== undefined ? { target } : {}) };
}

/**
 * Cohort: x = the cohort (first date or text column), series = the period (the first integer column after
 * it, else the first number after it), y = the value (the next number after the period).
 */
function resolveCohortColumns(columns: ResultColumn[], config: VizConfig, has: (name: string | undefined) => name is string): Roles {
  const indexOf = (name: string | undefined) => columns.findIndex((c) => c.name === name);
  const isNumber = (c: ResultColumn) => c.type === "number";
  const x = has(config.x) ? config.x : columns.find((c) => isTemporal(c) || c.type === "string")?.name;
  const after = (name: string | undefined) => columns.slice(indexOf(name) + 1).filter((c) => c.name !== x);
  let series: string | undefined;
  if (has(config.series) && config.series !== x) series = config.series;
  else {
    const rest = after(x);
    series = (rest.find((c) => isNumber(c) && INTEGER_DB_TYPES.test(c.dbType)) ?? rest.find(isNumber))?.name;
  }
  const chosen = (config.y ?? []).find((n) => has(n) && n !== x && n !== series);
  const y = chosen ?? (after(series).find(isNumber) ?? columns.find((c) => isNumber(c) && c.name !== x && c.name !== series))?.name;
  return { x, y: y !== undefined ? [y] : [], ...(series !== undefined ? { series } : {}) };
}
