// Edits to a chart's settings. A setting put back to its default is removed rather than stored, so a saved
// chart keeps only what the analyst chose, and Spyglass's defaults can still follow the SQL when it changes.
import type { VizConfig } from "@/lib/charts/types";

export type AxisKey = "xAxis" | "yAxis" | "rightAxis";
export type AxisSettings = NonNullable<VizConfig["xAxis"]>;
export type PivotSettings = NonNullable<VizConfig["pivot"]>;
export type Stacking = NonNullable<VizConfig["stacking"]>;

/** What each setting means when it is left out (the builders' defaults; data labels depend on the type). */
export const CONFIG_DEFAULTS = {
  sort: "query",
  stacking: "none",
  orientation: "vertical",
  gaps: "gap",
  format: "number",
  currency: "USD",
  dateFormat: "auto",
  legend: "auto",
  comparison: "previous-period",
  increaseIsGood: true,
  cohortPercent: false,
} as const satisfies Partial<VizConfig>;

export const PIVOT_DEFAULTS = { aggregate: "sum", totals: true } as const satisfies PivotSettings;

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value !== null && typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

/** Sets `key`, or removes it when the value is undefined or equals `defaultValue`. */
export function setOption<K extends keyof VizConfig>(config: VizConfig, key: K, value: VizConfig[K] | undefined, defaultValue?: unknown): VizConfig {
  const next = { ...config };
  if (value === undefined || sameValue(value, defaultValue ?? (CONFIG_DEFAULTS as Partial<VizConfig>)[key])) delete next[key];
  else next[key] = value;
  return next;
}

/** Bars and areas: reads the deprecated `stacked` flag as "stacked". */
export function stackingOf(config: VizConfig): Stacking {
  return config.stacking ?? (config.stacked ? "stacked" : "none");
}

/** Sets stacking and drops the deprecated flag it replaces. */
export function setStacking(config: VizConfig, stacking: Stacking): VizConfig {
  const rest = { ...config };
  delete rest.stacked;
  return setOption(rest, "stacking", stacking);
}

/** Merges into an axis; blank titles, `log: false` and unset bounds are removed, and an empty axis with them. */
export function setAxis(config: VizConfig, axis: AxisKey, patch: Partial<AxisSettings>): VizConfig {
  const merged: AxisSettings = { ...config[axis], ...patch };
  const next: AxisSettings = {};
  if (merged.title !== undefined && merged.title !== "") next.title = merged.title;
  if (merged.log) next.log = true;
  if (merged.min !== undefined) next.min = merged.min;
  if (merged.max !== undefined) next.max = merged.max;
  // Plain numbers are the right axis' default format.
  if (merged.format !== undefined && merged.format !== "number") next.format = merged.format;
  return setOption(config, axis, isEmpty(next) ? undefined : next);
}

/**
 * Changes pivot settings. Rows, columns or value equal to what Spyglass would pick for them (`picked`) are
 * removed, as are the default aggregate and totals; an empty list is kept when Spyglass would pick some
 * (no column headers is a choice). Settings not in `patch` stay as they are.
 */
export function setPivot(config: VizConfig, patch: Partial<PivotSettings>, picked: Pick<PivotSettings, "rows" | "columns" | "value"> = {}): VizConfig {
  const next: PivotSettings = { ...config.pivot };
  const put = <K extends keyof PivotSettings>(key: K, value: PivotSettings[K] | undefined, drop: boolean) => {
    if (value === undefined || drop) delete next[key];
    else next[key] = value;
  };
  if ("rows" in patch) put("rows", patch.rows, sameValue(patch.rows, picked.rows ?? []));
  if ("columns" in patch) put("columns", patch.columns, sameValue(patch.columns, picked.columns ?? []));
  if ("value" in patch) put("value", patch.value, patch.value === "" || patch.value === picked.value);
  if ("aggregate" in patch) put("aggregate", patch.aggregate, patch.aggregate === PIVOT_DEFAULTS.aggregate);
  if ("totals" in patch) put("totals", patch.totals, patch.totals === PIVOT_DEFAULTS.totals);
  return setOption(config, "pivot", isEmpty(next) ? undefined : next);
}

/** Sets one series' colour, or removes it (the series then takes its palette colour). */
export function setColor(config: VizConfig, name: string, color: string | undefined): VizConfig {
  const colors = { ...config.colors };
  if (color === undefined) delete colors[name];
  else colors[name] = color.toLowerCase();
  return setOption(config, "colors", isEmpty(colors) ? undefined : colors);
}

/** Adds or removes `name` in a list setting (line columns, right-axis columns), keeping `order`'s order. */
export function toggleInList(list: readonly string[], name: string, on: boolean, order: readonly string[]): string[] {
  const set = new Set(list);
  if (on) set.add(name);
  else set.delete(name);
  const ordered = order.filter((n) => set.has(n));
  // Names the result no longer has are kept at the end, so changing the SQL back restores them.
  return [...ordered, ...list.filter((n) => set.has(n) && !order.includes(n))];
}

/** Moves the item at `index` by `delta` places (−1 up, +1 down); out-of-range moves change nothing. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * A number typed into a field: blank is "not set" (undefined), a number is that number, anything else
 * is not accepted (null) so the field can keep the text and say what is wrong.
 */
export function parseNumberInput(text: string): number | undefined | null {
  const t = text.trim();
  if (t === "") return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
