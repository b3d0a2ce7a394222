// Filter values in a URL's query string, the same for the dashboard page and its results API, so a pasted
// link reproduces the view. Pure and browser-safe. One parameter per filter, prefixed "f.":
//
//   ?f.period=last_30_days                    a date-range preset
//   ?f.period=2024-01-01..2024-01-31          a custom range, both days included
//   ?f.region=EMEA                            a drop-down value
//   ?f.region=EMEA&f.region=APAC              several values of a multiple-choice drop-down
//   ?f.q=acme%20inc                           free text
//   ?f.region=                                cleared: the charts use their own defaults
//
// A filter missing from the URL takes its default. Values that do not fit the filter (a malformed date, a
// name no filter has) are ignored, so a stale link still opens.
import { isDateRangePreset, isIsoDay, type DateRangeValue } from "./presets";
import { MAX_SELECTED_VALUES, MAX_VALUE_LENGTH, type FilterControlDef, type FilterValue, type FilterValues } from "./schema";

export const FILTER_PARAM_PREFIX = "f.";

/** Next's `searchParams` object, or URLSearchParams. */
export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

export function filterParamName(filterName: string): string {
  return `${FILTER_PARAM_PREFIX}${filterName}`;
}

function getAll(params: SearchParamsLike, key: string): string[] | undefined {
  if (params instanceof URLSearchParams) return params.has(key) ? params.getAll(key) : undefined;
  const v = params[key];
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v : [v];
}

const CUSTOM_RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

function encodeDateRange(v: DateRangeValue): string {
  return typeof v === "string" ? v : `${v.start}..${v.end}`;
}

function decodeDateRange(s: string): DateRangeValue | undefined {
  if (isDateRangePreset(s)) return s;
  const m = CUSTOM_RANGE.exec(s);
  if (m && isIsoDay(m[1]) && isIsoDay(m[2]) && m[1] <= m[2]) return { start: m[1], end: m[2] };
  return undefined;
}

/** The query-string pairs for `values` (filters not in `values` are left out: they take their defaults). */
export function encodeFilterValues(filters: readonly FilterControlDef[], values: FilterValues): [string, string][] {
  const pairs: [string, string][] = [];
  for (const f of filters) {
    if (!Object.prototype.hasOwnProperty.call(values, f.name)) continue;
    const key = filterParamName(f.name);
    const v = values[f.name];
    if (v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) {
      pairs.push([key, ""]);
    } else if (f.type === "date_range") {
      if (typeof v === "string" || (typeof v === "object" && !Array.isArray(v))) pairs.push([key, encodeDateRange(v as DateRangeValue)]);
    } else if (Array.isArray(v)) {
      for (const item of f.type === "select" && f.multiple ? v : v.slice(0, 1)) pairs.push([key, item]);
    } else if (typeof v === "string") {
      pairs.push([key, v]);
    }
  }
  return pairs;
}

/** The values a query string sets, by filter name; filters it does not mention are absent. */
export function decodeFilterValues(filters: readonly FilterControlDef[], params: SearchParamsLike): FilterValues {
  const values: FilterValues = {};
  for (const f of filters) {
    const raw = getAll(params, filterParamName(f.name));
    if (raw === undefined) continue;
    const given = raw.filter((s) => s !== "");
    if (given.length === 0) {
      values[f.name] = null;
      continue;
    }
    let value: FilterValue | undefined;
    if (f.type === "date_range") value = decodeDateRange(given[0]);
    else if (f.type === "select" && f.multiple) {
      const list = [...new Set(given.filter((s) => s.length <= MAX_VALUE_LENGTH))].slice(0, MAX_SELECTED_VALUES);
      value = list.length ? list : undefined;
    } else value = given[0].length <= MAX_VALUE_LENGTH ? given[0] : undefined;
    if (value !== undefined) values[f.name] = value;
  }
  return values;
}

/**
 * `current` with its filter parameters replaced by `values` (every "f." parameter is ours; others, such as
 * the page's own, are kept).
 */
export function withFilterValues(current: URLSearchParams | string, filters: readonly FilterControlDef[], values: FilterValues): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of [...new Set(next.keys())]) if (key.startsWith(FILTER_PARAM_PREFIX)) next.delete(key);
  for (const [k, v] of encodeFilterValues(filters, values)) next.append(k, v);
  return next;
}

/** "f.period=last_7_days&f.region=EMEA", or "" when no value is set. */
export function filterQueryString(filters: readonly FilterControlDef[], values: FilterValues): string {
  return new URLSearchParams(encodeFilterValues(filters, values)).toString();
}
