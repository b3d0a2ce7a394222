// Which chart settings apply to which chart type, and what the panel calls things for each type. The panel
// shows only the controls of the type being drawn, so a pie never offers stacking and a table never an axis.
import type { ConcreteVizType, VizType } from "@/lib/charts/types";

export type ControlKey =
  | "x"
  /** Several ordered value columns. */
  | "yMulti"
  /** One value column (the first of `y`). */
  | "ySingle"
  | "series"
  | "size"
  | "sort"
  | "stacking"
  | "orientation"
  | "lineColumns"
  | "rightAxisColumns"
  | "gaps"
  | "xAxis"
  /** min/max/log on the x axis: only where x is a number (always on scatter and bubble; lines and areas
   *  when their x column is numeric, see xAxisScaleApplies). */
  | "xAxisScale"
  | "yAxis"
  | "format"
  | "dateFormat"
  | "legend"
  | "dataLabels"
  | "target"
  | "colors"
  | "comparison"
  | "conditionalFormats"
  | "pivot"
  | "cohortPercent";

export type SectionKey = "data" | "axes" | "values" | "target" | "colors" | "number" | "table" | "pivot" | "cohort";

const AXIS: ConcreteVizType[] = ["line", "area", "bar", "combo"];
const XY: ConcreteVizType[] = [...AXIS, "scatter", "bubble"];
const SLICES: ConcreteVizType[] = ["pie", "donut", "funnel"];

const APPLIES: Record<ControlKey, readonly ConcreteVizType[]> = {
  x: [...XY, ...SLICES, "cohort"],
  yMulti: [...AXIS, "scatter"],
  ySingle: ["bubble", "number", "pie", "donut", "funnel", "cohort"],
  // Combo keeps one series per value column.
  series: ["line", "area", "bar", "scatter", "bubble", "cohort"],
  size: ["bubble"],
  sort: [...AXIS, ...SLICES],
  stacking: ["bar", "area"],
  orientation: ["bar"],
  lineColumns: ["combo"],
  rightAxisColumns: AXIS,
  gaps: AXIS,
  xAxis: XY,
  xAxisScale: ["scatter", "bubble"],
  yAxis: XY,
  format: [...XY, ...SLICES, "number", "table", "pivot", "cohort"],
  dateFormat: [...AXIS, "number", "table", "pivot", "cohort"],
  legend: [...XY, ...SLICES],
  dataLabels: [...XY, ...SLICES, "cohort"],
  target: AXIS,
  colors: [...XY, ...SLICES],
  comparison: ["number"],
  conditionalFormats: ["table"],
  pivot: ["pivot"],
  cohortPercent: ["cohort"],
};

const SECTION_CONTROLS: Record<SectionKey, ControlKey[]> = {
  data: ["x", "yMulti", "ySingle", "series", "size", "sort", "stacking", "orientation", "lineColumns", "rightAxisColumns", "gaps"],
  axes: ["xAxis", "yAxis"],
  values: ["format", "dateFormat", "legend", "dataLabels"],
  target: ["target"],
  colors: ["colors"],
  number: ["comparison"],
  table: ["conditionalFormats"],
  pivot: ["pivot"],
  cohort: ["cohortPercent"],
};

export const SECTION_ORDER: SectionKey[] = ["data", "pivot", "number", "table", "cohort", "axes", "values", "target", "colors"];

export const SECTION_LABELS: Record<SectionKey, string> = {
  data: "Data",
  axes: "Axes",
  values: "Values",
  target: "Target",
  colors: "Colours",
  number: "Big number",
  table: "Table formatting",
  pivot: "Pivot",
  cohort: "Cohort",
};

export function applies(control: ControlKey, type: ConcreteVizType): boolean {
  return APPLIES[control].includes(type);
}

/** Log scale, min and max on x: scatter and bubble always; lines and areas drawn on a numeric x axis. */
export function xAxisScaleApplies(type: ConcreteVizType, xIsNumber: boolean): boolean {
  return applies("xAxisScale", type) || ((type === "line" || type === "area") && xIsNumber);
}

/** The sections with at least one control for this type, in panel order. */
export function sectionsFor(type: ConcreteVizType): SectionKey[] {
  return SECTION_ORDER.filter((s) => SECTION_CONTROLS[s].some((c) => applies(c, type)));
}

export const VIZ_TYPE_LABELS: Record<VizType, string> = {
  auto: "Auto",
  line: "Line",
  area: "Area",
  bar: "Bar",
  combo: "Combo",
  scatter: "Scatter",
  bubble: "Bubble",
  pie: "Pie",
  donut: "Donut",
  number: "Big number",
  table: "Table",
  pivot: "Pivot",
  funnel: "Funnel",
  cohort: "Cohort",
};

/** "Auto (line)": auto names the type it picked. */
export function vizTypeLabel(type: VizType, picked: ConcreteVizType | null): string {
  return type === "auto" && picked ? `Auto (${VIZ_TYPE_LABELS[picked].toLowerCase()})` : VIZ_TYPE_LABELS[type];
}

/** What the x, value and split columns mean for a type, as the panel labels them. */
export function columnLabels(type: ConcreteVizType): { x: string; y: string; series: string } {
  switch (type) {
    case "pie":
    case "donut":
      return { x: "Label column", y: "Value column", series: "Split by" };
    case "funnel":
      return { x: "Stage column", y: "Value column", series: "Split by" };
    case "cohort":
      return { x: "Cohort column", y: "Value column", series: "Period column" };
    case "bubble":
      return { x: "X column", y: "Y column", series: "Split by" };
    case "number":
      return { x: "X column", y: "Value column", series: "Split by" };
    default:
      return { x: "X column", y: "Y columns", series: "Split by" };
  }
}

const SECTION_OF_KEY: Record<string, SectionKey> = {
  x: "data",
  y: "data",
  series: "data",
  size: "data",
  sort: "data",
  stacking: "data",
  stacked: "data",
  orientation: "data",
  lineColumns: "data",
  rightAxisColumns: "data",
  gaps: "data",
  xAxis: "axes",
  yAxis: "axes",
  rightAxis: "axes",
  format: "values",
  currency: "values",
  decimals: "values",
  dateFormat: "values",
  legend: "values",
  dataLabels: "values",
  target: "target",
  targetValue: "target",
  targetLabel: "target",
  colors: "colors",
  comparison: "number",
  increaseIsGood: "number",
  conditionalFormats: "table",
  pivot: "pivot",
  cohortPercent: "cohort",
};

/** The section holding a setting, from its dotted path ("xAxis.min" → "axes"). */
export function sectionOfPath(path: string): SectionKey {
  return SECTION_OF_KEY[path.split(".")[0]] ?? "data";
}

const FIELD_LABELS: Record<string, string> = {
  x: "X column",
  y: "Y columns",
  series: "Split by",
  size: "Bubble size",
  sort: "Sort",
  stacking: "Stacking",
  orientation: "Orientation",
  lineColumns: "Line columns",
  rightAxisColumns: "Right axis columns",
  gaps: "Missing values",
  target: "Target column",
  targetValue: "Target value",
  targetLabel: "Target label",
  format: "Number format",
  currency: "Currency",
  decimals: "Decimals",
  dateFormat: "Date format",
  legend: "Legend",
  dataLabels: "Data labels",
  comparison: "Compare with previous period",
  increaseIsGood: "Increase is good",
  cohortPercent: "Show as % of first period",
};
const AXIS_NAMES: Record<string, string> = { xAxis: "X axis", yAxis: "Y axis", rightAxis: "Right axis" };
const AXIS_FIELDS: Record<string, string> = { title: "label", log: "log scale", min: "min", max: "max", format: "number format" };
const RULE_FIELDS: Record<string, string> = { column: "column", operator: "operator", value: "value", value2: "upper value", color: "colour" };
const PIVOT_FIELDS: Record<string, string> = { rows: "Pivot rows", columns: "Pivot columns", value: "Pivot value", aggregate: "Aggregate", totals: "Row and column totals" };

/** The label of the field a dotted settings path belongs to, as the panel shows it. */
export function fieldLabel(path: string): string {
  const [head, second, third] = path.split(".");
  if (head in AXIS_NAMES) return second ? `${AXIS_NAMES[head]} ${AXIS_FIELDS[second] ?? second}` : AXIS_NAMES[head];
  if (head === "conditionalFormats") {
    if (second === undefined) return "Formatting rules";
    return `Rule ${Number(second) + 1}${third ? ` ${RULE_FIELDS[third] ?? third}` : ""}`;
  }
  if (head === "pivot") return second ? (PIVOT_FIELDS[second] ?? `Pivot ${second}`) : "Pivot";
  if (head === "colors") return second !== undefined ? `Colour of ${path.slice("colors.".length)}` : "Colours";
  return FIELD_LABELS[head] ?? head;
}
