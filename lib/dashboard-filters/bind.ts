// Which chart parameters a dashboard filter sets, and to what. Pure and browser-safe (the filter editor
// shows the same bindings the server applies).
//
// A filter named N binds to every chart whose parameters include N with a compatible type:
//   date_range ↔ date_range;  select ↔ text or list (multiple choice: list only);  text ↔ text.
// Charts without N, or with N of another type, ignore the filter. An empty value leaves the chart's own
// default in place (or drops its optional clause).
import { findParameters, type ParameterSpec, type ParameterValue } from "@/lib/queries/parameters";
import { resolveDateRange, type DateRangeValue } from "./presets";
import { effectiveFilterValue, isEmptyFilterValue, type DashboardFilter, type FilterValue, type FilterValues } from "./schema";

export function filterBindsTo(filter: DashboardFilter, spec: Pick<ParameterSpec, "type">): boolean {
  switch (filter.type) {
    case "date_range":
      return spec.type === "date_range";
    case "select":
      return spec.type === "list" || (!filter.multiple && spec.type === "text");
    case "text":
      return spec.type === "text";
  }
}

/**
 * The parameters a chart's SQL uses, typed: its declared specs, plus a spec for each placeholder it uses
 * without declaring one (a date range when written `{{x.start}}`/`{{x.end}}`, else text).
 */
export function chartParameterSpecs(sql: string, declared: ParameterSpec[]): ParameterSpec[] {
  const specs = [...declared];
  for (const name of findParameters(sql)) {
    if (specs.some((s) => s.name === name)) continue;
    const asRange = new RegExp(`\\{\\{\\s*${name}\\.(start|end)\\s*\\}\\}`).test(sql);
    specs.push({ name, type: asRange ? "date_range" : "text" });
  }
  return specs;
}

/** A list value as bound: strings, each once, sorted (a multiple choice is a set). */
function asList(v: string | string[] | number): string[] {
  const list = Array.isArray(v) ? v : [v];
  return [...new Set(list.map(String))].sort();
}

/** The value a chart parameter gets from a filter value (not empty). */
export function boundParameterValue(filter: DashboardFilter, value: FilterValue, spec: ParameterSpec, today: string): ParameterValue {
  if (filter.type === "date_range") return resolveDateRange(value as DateRangeValue, today);
  if (spec.type === "list") return asList(value as string | string[]);
  return Array.isArray(value) ? (value[0] ?? "") : (value as string);
}

/** A parameter value in a canonical form, to compare a bound value with a chart's default. */
function canonical(spec: ParameterSpec, v: ParameterValue | undefined): string | null {
  if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) return null;
  if (spec.type === "list" && (Array.isArray(v) || typeof v === "string" || typeof v === "number")) return JSON.stringify(asList(v));
  if (typeof v === "object" && !Array.isArray(v)) return JSON.stringify({ start: v.start, end: v.end });
  return JSON.stringify(typeof v === "number" ? String(v) : v);
}

export interface ChartBinding {
  /** Values to run the chart with: only those that differ from the chart's defaults. Empty → the default result. */
  values: Record<string, ParameterValue>;
  /** Filters whose value this chart's result reflects (bound with a value, even one equal to the default). */
  applied: string[];
}

/** What the dashboard's filters set on one chart, given the chart's parameters and "today" for presets. */
export function bindFilters(filters: readonly DashboardFilter[], values: FilterValues, specs: ParameterSpec[], today: string): ChartBinding {
  const binding: ChartBinding = { values: {}, applied: [] };
  for (const filter of filters) {
    const spec = specs.find((s) => s.name === filter.name);
    if (!spec || !filterBindsTo(filter, spec)) continue;
    const value = effectiveFilterValue(filter, values);
    if (isEmptyFilterValue(value)) continue;
    const bound = boundParameterValue(filter, value, spec, today);
    binding.applied.push(filter.name);
    if (canonical(spec, bound) !== canonical(spec, spec.default)) binding.values[filter.name] = bound;
  }
  return binding;
}
