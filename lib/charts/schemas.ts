// Chart settings and the request bodies of the chart API, shared by the chart editor, the route handlers
// and the option builders. Every field is optional: what a chart leaves out is filled in from the result
// (resolve-viz-config.ts), and settings naming columns the result no longer has are ignored, so changing
// the SQL keeps the settings that still apply.
import { z } from "zod";
import { MAX_SQL_LENGTH, parameterSpecSchema } from "@/lib/queries/schemas";

export const VIZ_TYPES = [
  "auto",
  "line",
  "area",
  "bar",
  "combo",
  "scatter",
  "bubble",
  "pie",
  "donut",
  "number",
  "table",
  "pivot",
  "funnel",
  "cohort",
] as const;
export const vizTypeSchema = z.enum(VIZ_TYPES);

const columnName = z.string().max(500);
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Colours are written as #rrggbb");

/** How values print: number, currency (ISO code), percent (1 = 100 %); decimals fixed or automatic. */
export const valueFormatSchema = z.enum(["number", "currency", "percent"]);

export const axisSettingsSchema = z.object({
  title: z.string().max(200).optional(),
  /** Logarithmic scale (values ≤ 0 are not drawn on a log axis). */
  log: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** Right axis only: how the values measured on it print, since they usually have another unit than the
   *  left's (revenue vs conversion rate). Default: plain numbers. Added for combo charts (issue "Charts"). */
  format: valueFormatSchema.optional(),
});

/** A table cell rule: when the column's value matches, colour the cell. */
export const conditionalFormatSchema = z.object({
  column: columnName,
  operator: z.enum([">", ">=", "<", "<=", "=", "!=", "between"]),
  value: z.number(),
  /** Upper bound for "between" (inclusive). */
  value2: z.number().optional(),
  /** Cell background. */
  color: hexColor,
});

export const pivotSettingsSchema = z.object({
  /** Columns whose values become row headers. */
  rows: z.array(columnName).max(5).optional(),
  /** Columns whose values become column headers. */
  columns: z.array(columnName).max(3).optional(),
  /** The numeric column aggregated in each cell. */
  value: columnName.optional(),
  aggregate: z.enum(["sum", "count", "avg", "min", "max"]).optional(),
  /** Row and column totals. */
  totals: z.boolean().optional(),
});

export const vizConfigSchema = z.object({
  /** x axis / category / stage / label column; for cohort: the cohort column. */
  x: columnName.optional(),
  /** Value columns. Bubble: [y]; number, pie, funnel, cohort: the first is used. */
  y: z.array(columnName).max(50).optional(),
  /** Column whose values split the rows into series (long rows turned wide). "" turns auto-splitting off.
   *  Cohort: the period column (0, 1, 2, ... or "week 1"). */
  series: columnName.optional(),
  /** Bubble: the column sizing each point. */
  size: columnName.optional(),

  /** "query" keeps the query's order; x/value ascending or descending. Time axes are always in time order. */
  sort: z.enum(["query", "x-asc", "x-desc", "value-asc", "value-desc"]).optional(),
  /** Bars and areas: side by side (none), stacked, or stacked to 100 %. */
  stacking: z.enum(["none", "stacked", "percent"]).optional(),
  /** @deprecated read as stacking: "stacked"; kept so charts saved before `stacking` still load. */
  stacked: z.boolean().optional(),
  /** Bars: vertical columns or horizontal bars. */
  orientation: z.enum(["vertical", "horizontal"]).optional(),
  /** Combo: the y columns drawn as lines; the others are bars. Default: every y after the first. */
  lineColumns: z.array(columnName).max(50).optional(),
  /** Combo, line, bar, area: the y columns measured on a second (right) axis. */
  rightAxisColumns: z.array(columnName).max(50).optional(),
  /** Missing points in a time series: a gap in the line, or zero. */
  gaps: z.enum(["gap", "zero"]).optional(),

  /** A column holding the target/plan, drawn as a dashed "Target" series. "" turns auto-detection off. */
  target: columnName.optional(),
  /** A constant target, drawn as a dashed horizontal line. */
  targetValue: z.number().optional(),
  targetLabel: z.string().max(100).optional(),

  xAxis: axisSettingsSchema.optional(),
  yAxis: axisSettingsSchema.optional(),
  rightAxis: axisSettingsSchema.optional(),

  format: valueFormatSchema.optional(),
  /** ISO 4217 code for the currency format. Default USD. */
  currency: z.string().regex(/^[A-Z]{3}$/, "Currency is a 3-letter ISO code such as USD").optional(),
  /** Fixed decimal places; automatic when left out. */
  decimals: z.number().int().min(0).max(6).optional(),
  /** Date labels on a time axis and in tables: automatic, or by day, week, month, quarter, year. */
  dateFormat: z.enum(["auto", "day", "week", "month", "quarter", "year", "datetime"]).optional(),

  /** Series name → colour. Series without one take a stable colour from the palette by their name. */
  colors: z.record(z.string().max(500), hexColor).optional(),
  legend: z.enum(["auto", "top", "bottom", "right", "none"]).optional(),
  dataLabels: z.boolean().optional(),

  /** Big number: compare with the previous row (period) and draw a sparkline of the series. */
  comparison: z.enum(["previous-period", "none"]).optional(),
  /** Big number: a rising value is good (green) or bad (red, e.g. churn). */
  increaseIsGood: z.boolean().optional(),

  /** Table: cell colouring rules, first match wins. */
  conditionalFormats: z.array(conditionalFormatSchema).max(50).optional(),
  pivot: pivotSettingsSchema.optional(),
  /** Cohort: show values as a share of each cohort's first period. */
  cohortPercent: z.boolean().optional(),
});

export const chartTitleSchema = z.string().trim().min(1, "Title is required").max(200, "Title is too long");

/** A chart's fields as sent, without defaults: the update schema must not fill in what was not sent. */
const chartFields = {
  title: chartTitleSchema,
  description: z.string().max(20_000, "Description is too long"),
  sql: z.string().trim().min(1, "SQL is required").max(MAX_SQL_LENGTH, "The SQL is too long"),
  dataSourceId: z.string().min(1, "Pick a data source"),
  vizType: vizTypeSchema,
  vizConfig: vizConfigSchema,
  /** Types and defaults of the SQL's `{{name}}` parameters; refreshes run with the defaults. */
  parameters: z
    .array(parameterSpecSchema)
    .max(100)
    .refine((specs) => new Set(specs.map((s) => s.name)).size === specs.length, "Each parameter is declared once"),
};

export const createChartBodySchema = z.object({
  ...chartFields,
  description: chartFields.description.default(""),
  vizType: chartFields.vizType.default("auto"),
  vizConfig: chartFields.vizConfig.default({}),
  parameters: chartFields.parameters.default([]),
});

/** Only the fields sent are changed (a PATCH of the SQL keeps the settings). */
export const updateChartBodySchema = z
  .object(chartFields)
  .partial()
  .extend({
    /** The version the editor started from; a different current version means someone else saved meanwhile. */
    version: z.number().int().positive(),
  });

/** A chart's title and Markdown definition: what the save and edit forms check before sending them to the
 *  API, which checks them again with the same fields. */
export const chartTextSchema = z.object({ title: chartFields.title, description: chartFields.description });

export type CreateChartBody = z.input<typeof createChartBodySchema>;
export type UpdateChartBody = z.input<typeof updateChartBodySchema>;
