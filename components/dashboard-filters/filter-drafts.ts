// The filter editor's working copy of a filter: every field as the form holds it, converted to and from
// the saved definition (validated by the shared schema before it is sent).
import type { ParameterType } from "@/lib/queries/parameters";
import { isDateRangePreset, type DateRangePreset } from "@/lib/dashboard-filters/presets";
import { dashboardFiltersSchema, type DashboardFilter, type FilterType } from "@/lib/dashboard-filters/schema";

export interface FilterDraft {
  /** Stable React key of the row. */
  key: string;
  name: string;
  label: string;
  type: FilterType;
  multiple: boolean;
  /** Date range default: a preset, "custom" (rangeStart..rangeEnd, both included) or "" (none). */
  rangeChoice: DateRangePreset | "custom" | "";
  rangeStart: string;
  rangeEnd: string;
  /** Drop-down or text default as typed; a multiple choice takes one value per line. */
  defaultText: string;
  dataSourceId: string;
  sql: string;
}

/** The filter types that can set a parameter of this type. */
export function filterTypesFor(type: ParameterType | undefined): FilterType[] {
  switch (type) {
    case "date_range":
      return ["date_range"];
    case "text":
      return ["select", "text"];
    case "list":
      return ["select"];
    default:
      return [];
  }
}

/** "signup_region" → "Signup region". */
export function labelFromName(name: string): string {
  const words = name.replace(/_+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : name;
}

export function newDraft(key: string, parameter: { name: string; type: ParameterType } | undefined, dataSourceId = ""): FilterDraft {
  const type = filterTypesFor(parameter?.type)[0] ?? "text";
  return {
    key,
    name: parameter?.name ?? "",
    label: parameter ? labelFromName(parameter.name) : "",
    type,
    multiple: parameter?.type === "list",
    rangeChoice: "",
    rangeStart: "",
    rangeEnd: "",
    defaultText: "",
    dataSourceId,
    sql: "",
  };
}

export function toDraft(filter: DashboardFilter, key: string): FilterDraft {
  const draft = newDraft(key, undefined);
  draft.name = filter.name;
  draft.label = filter.label;
  draft.type = filter.type;
  if (filter.type === "date_range" && filter.default !== undefined) {
    if (isDateRangePreset(filter.default)) draft.rangeChoice = filter.default;
    else Object.assign(draft, { rangeChoice: "custom", rangeStart: filter.default.start, rangeEnd: filter.default.end });
  }
  if (filter.type === "select") {
    draft.multiple = filter.multiple === true;
    draft.dataSourceId = filter.options.dataSourceId;
    draft.sql = filter.options.sql;
    if (filter.default !== undefined) draft.defaultText = Array.isArray(filter.default) ? filter.default.join("\n") : filter.default;
  }
  if (filter.type === "text" && filter.default !== undefined) draft.defaultText = filter.default;
  return draft;
}

/** The definition a draft describes, unvalidated (the schema says what is wrong with it). */
export function fromDraft(d: FilterDraft): Record<string, unknown> {
  const base = { name: d.name, label: d.label, type: d.type };
  if (d.type === "date_range") {
    const def = d.rangeChoice === "custom" ? { start: d.rangeStart, end: d.rangeEnd } : d.rangeChoice || undefined;
    return def === undefined ? base : { ...base, default: def };
  }
  if (d.type === "select") {
    const lines = d.defaultText
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const def = d.multiple ? (lines.length ? lines : undefined) : d.defaultText.trim() || undefined;
    return {
      ...base,
      options: { dataSourceId: d.dataSourceId, sql: d.sql },
      ...(d.multiple ? { multiple: true } : {}),
      ...(def !== undefined ? { default: def } : {}),
    };
  }
  return d.defaultText === "" ? base : { ...base, default: d.defaultText };
}

/** The definitions to save, or the problems to show (each prefixed with the filter's position and label). */
export function draftsToFilters(drafts: FilterDraft[]): { ok: true; filters: DashboardFilter[] } | { ok: false; problems: string[] } {
  const parsed = dashboardFiltersSchema.safeParse(drafts.map(fromDraft));
  if (parsed.success) return { ok: true, filters: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const [index] = issue.path;
    const draft = typeof index === "number" ? drafts[index] : undefined;
    return draft && typeof index === "number" ? `Filter ${index + 1}${draft.label ? ` (${draft.label})` : ""}: ${issue.message}` : issue.message;
  });
  return { ok: false, problems: [...new Set(problems)] };
}
