// Dashboard filter definitions (stored in Dashboard.filters) and their values, shared by the filter editor
// in the browser and the API on the server. A filter binds by name to the charts' {{name}} parameters.
import { z } from "zod";
import { MAX_SQL_LENGTH } from "@/lib/queries/schemas";
import { DATE_RANGE_PRESETS, isIsoDay, type DateRangeValue } from "./presets";

export const FILTER_TYPES = ["date_range", "select", "text"] as const;
export type FilterType = (typeof FILTER_TYPES)[number];

export const FILTER_TYPE_LABELS: Record<FilterType, string> = {
  date_range: "Date range",
  select: "Drop-down list",
  text: "Free text",
};

export const MAX_FILTERS = 20;
export const MAX_LABEL_LENGTH = 100;
/** Longest text or drop-down value a filter takes. */
export const MAX_VALUE_LENGTH = 500;
/** Most values picked at once in a multiple-choice drop-down. */
export const MAX_SELECTED_VALUES = 100;

export const filterNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "A filter's name is the parameter it sets: letters, digits and underscores, not starting with a digit.")
  .max(63);

const isoDaySchema = z.string().refine(isIsoDay, "Dates are written YYYY-MM-DD.");

export const customDateRangeSchema = z
  .object({ start: isoDaySchema, end: isoDaySchema })
  .refine((r) => r.start <= r.end, { message: "The range ends before it starts.", path: ["end"] });

export const dateRangeValueSchema: z.ZodType<DateRangeValue> = z.union([z.enum(DATE_RANGE_PRESETS), customDateRangeSchema]);

const valueTextSchema = z.string().max(MAX_VALUE_LENGTH, `Values are at most ${MAX_VALUE_LENGTH} characters.`);

export const filterOptionsSourceSchema = z.object({
  dataSourceId: z.string().min(1, "Pick the data source of the drop-down's values.").max(64),
  sql: z
    .string()
    .max(MAX_SQL_LENGTH, "The SQL is too long.")
    .refine((s) => s.trim().length > 0, "Write the query whose first column lists the drop-down's values."),
});

const base = {
  name: filterNameSchema,
  label: z.string().trim().min(1, "Give the filter a label.").max(MAX_LABEL_LENGTH),
};

export const dateRangeFilterSchema = z.object({
  ...base,
  type: z.literal("date_range"),
  default: dateRangeValueSchema.optional(),
});

export const selectFilterSchema = z
  .object({
    ...base,
    type: z.literal("select"),
    /** Where the values come from: the first column of this query, distinct, capped. */
    options: filterOptionsSourceSchema,
    /** Several values may be picked; binds to `list` parameters only. */
    multiple: z.boolean().optional(),
    default: z.union([valueTextSchema, z.array(valueTextSchema).max(MAX_SELECTED_VALUES)]).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.default === undefined) return;
    if (f.multiple && !Array.isArray(f.default)) {
      ctx.addIssue({ code: "custom", message: "A multiple-choice filter's default is a list of values.", path: ["default"] });
    }
    if (!f.multiple && Array.isArray(f.default)) {
      ctx.addIssue({ code: "custom", message: "A single-choice filter's default is one value.", path: ["default"] });
    }
  });

export const textFilterSchema = z.object({
  ...base,
  type: z.literal("text"),
  default: valueTextSchema.optional(),
});

export const dashboardFilterSchema = z.discriminatedUnion("type", [dateRangeFilterSchema, selectFilterSchema, textFilterSchema]);

export type DateRangeFilter = z.infer<typeof dateRangeFilterSchema>;
export type SelectFilter = z.infer<typeof selectFilterSchema>;
export type TextFilter = z.infer<typeof textFilterSchema>;
export type DashboardFilter = z.infer<typeof dashboardFilterSchema>;

/**
 * What a filter's control and its URL encoding need: the definition without a drop-down's values query,
 * so public pages (which never receive that SQL) use the same filter bar. A DashboardFilter is one.
 */
export type FilterControlDef =
  | Pick<DateRangeFilter, "type" | "name" | "label" | "default">
  | (Pick<SelectFilter, "type" | "name" | "label" | "multiple" | "default"> & { options?: SelectFilter["options"] })
  | Pick<TextFilter, "type" | "name" | "label" | "default">;

export const dashboardFiltersSchema = z
  .array(dashboardFilterSchema)
  .max(MAX_FILTERS, `A dashboard has at most ${MAX_FILTERS} filters.`)
  .superRefine((filters, ctx) => {
    const seen = new Set<string>();
    filters.forEach((f, i) => {
      if (seen.has(f.name)) ctx.addIssue({ code: "custom", message: `Two filters set the parameter ${f.name}: keep one.`, path: [i, "name"] });
      seen.add(f.name);
    });
  });

/** PUT /api/dashboards/[id]/filters: every filter, with the dashboard version the editor started from. */
export const saveFiltersSchema = z.object({
  version: z.number().int().positive(),
  filters: dashboardFiltersSchema,
});
export type SaveFiltersInput = z.infer<typeof saveFiltersSchema>;

/**
 * A filter's value: a date-range preset or custom range, one drop-down value, several (multiple choice),
 * a text. null means "cleared": the charts use their own defaults (or drop the optional clause).
 */
export type FilterValue = DateRangeValue | string | string[] | null;

/** Values by filter name. A name left out takes the filter's default. */
export type FilterValues = Record<string, FilterValue>;

/**
 * The filter definitions stored on a dashboard. Each is validated, not trusted (rows written by hand or by
 * older versions): an invalid one, or a second one with a name already seen, is left out.
 */
export function filtersOf(stored: unknown): DashboardFilter[] {
  if (!Array.isArray(stored)) return [];
  const out: DashboardFilter[] = [];
  for (const item of stored) {
    const parsed = dashboardFilterSchema.safeParse(item);
    if (parsed.success && !out.some((f) => f.name === parsed.data.name)) out.push(parsed.data);
  }
  return out.slice(0, MAX_FILTERS);
}

/** True for a value that sets nothing: cleared, blank text, no picked values. */
export function isEmptyFilterValue(v: FilterValue | undefined): boolean {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

/** The value in effect: the one given, else the filter's default, else none (null). */
export function effectiveFilterValue(filter: FilterControlDef, values: FilterValues): FilterValue {
  if (Object.prototype.hasOwnProperty.call(values, filter.name)) return values[filter.name] ?? null;
  return filter.default ?? null;
}
