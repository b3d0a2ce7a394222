// The data behind line, area, bar and combo charts: result rows (long or wide) turned into series that share
// one ordered list of x positions, with time gaps filled, 100 % shares worked out and big results cut down.
import { categoryLabel, toNumber } from "../format";
import type { ResolvedVizConfig } from "../resolve-viz-config";
import { inferGrain, stepsBetween, toEpochMs, type DateGrain } from "../time";
import { columnIndex, formatCount, type ChartInput } from "./common";
import { MAX_CATEGORIES, MAX_SERIES, pointsPerSeries, sampleAlignedPositions } from "./sampling";

export const OTHER_SERIES = "Other";

export interface AxisSeries {
  name: string;
  /** The y column the series comes from (decides its axis and, on combo charts, bar or line). */
  column: string;
  /** One value per x position; null where the series has none. */
  values: (number | null)[];
  /** The series that holds the smallest series folded together past MAX_SERIES (drawn grey). */
  other?: true;
}

export interface AxisData {
  /** x positions in drawing order: epoch ms (time), numbers, or category labels. */
  xs: (number | string)[];
  series: AxisSeries[];
  /** The target column's value per position, when there is a target column. */
  target: (number | null)[] | null;
  /** The step of a time series (day, week, ...), null when irregular or not time. */
  grain: DateGrain | null;
  notes: string[];
}

export interface AxisDataOptions {
  /** How x values are read: as times, as numbers (value axis), or as category labels. */
  x: "time" | "number" | "label";
  /** Past the limit, "categories" keeps the first MAX_CATEGORIES positions (bars); "points" samples (lines). */
  limit: "categories" | "points";
  /** Turn every position's values into shares of its total (100 % stacking). */
  percent: boolean;
  /** Past MAX_SERIES, fold the smallest series into "Other" (stacked charts) rather than leave them out. */
  fold: boolean;
}

/** Filling a time series stops here: a stray date decades away must not create millions of empty steps. */
const MAX_FILLED_STEPS = 100_000;
const collator = new Intl.Collator("en", { numeric: true });

export function buildAxisData(input: ChartInput, cfg: ResolvedVizConfig, opts: AxisDataOptions): AxisData {
  const collected = collect(input, cfg, opts);
  const { keys, targetSource } = collected;
  const notes: string[] = [];
  const sources = capSeries(collected.sources, collected.filled, keys.length, opts.fold, notes);

  // Positions in drawing order, as indexes into `keys` (-1: a missing time step added by gap filling).
  let order = keys.map((_, i) => i);
  let xs: (number | string)[];
  let grain: DateGrain | null = null;
  if (opts.x === "label") {
    order = sortCategories(order, keys as string[], sources, cfg.sort);
    xs = order.map((i) => keys[i]);
  } else {
    // Time and value axes are drawn in x order whatever the query's ORDER BY or the sort setting.
    order.sort((a, b) => (keys[a] as number) - (keys[b] as number));
    xs = order.map((i) => keys[i]);
    if (opts.x === "time") {
      grain = inferGrain(xs as number[]);
      const filled = grain ? fillTimeSteps(xs as number[], grain, collected.positions) : null;
      if (filled) ({ xs, order } = filled);
    }
  }

  if (opts.limit === "categories" && order.length > MAX_CATEGORIES) {
    notes.push(`Showing the first ${MAX_CATEGORIES} of ${formatCount(order.length)} categories`);
    order = order.slice(0, MAX_CATEGORIES);
    xs = xs.slice(0, MAX_CATEGORIES);
  }

  const align = (values: (number | null)[]) => order.map((i) => (i < 0 ? null : (values[i] ?? null)));
  const zero = cfg.gaps === "zero";
  let series: AxisSeries[] = sources.map((s) => {
    const values = align(s.values);
    return { ...s, values: zero ? values.map((v) => v ?? 0) : values };
  });
  let target = targetSource ? align(targetSource) : null;
  if (opts.percent) series = toShares(series, xs.length);

  // The budget is for the whole chart, target line included: many series each get fewer points.
  const limit = pointsPerSeries(series.length + (target ? 1 : 0));
  if (opts.limit === "points" && xs.length > limit) {
    const keep = sampleAlignedPositions(
      series.map((s) => s.values),
      xs.length,
      limit,
      !zero,
    );
    notes.push(`Showing ${formatCount(keep.length)} of ${formatCount(xs.length)} points per series (sampled)`);
    const pick = <T>(list: T[]) => keep.map((i) => list[i]);
    xs = pick(xs);
    series = series.map((s) => ({ ...s, values: pick(s.values) }));
    if (target) target = pick(target);
  }

  return { xs, series, target, grain, notes };
}

/**
 * `read` remembering its last input: long rows repeat each x value once per series, one after another, so a
 * 100,000-row result often parses far fewer distinct dates than it has rows.
 */
function withLastValue<T>(read: (v: unknown) => T): (v: unknown) => T {
  let last: unknown = undefined;
  let lastKey: T | undefined;
  let has = false;
  return (v) => {
    if (has && v === last) return lastKey as T;
    last = v;
    lastKey = read(v);
    has = true;
    return lastKey;
  };
}

/**
 * One pass over the rows: distinct x keys in first-seen order and each series' value at each key. `filled`
 * lists, per series, the positions it has a value at, so later steps touch only those: a result split into
 * 100,000 series over 100,000 x values has 100,000 values in all, not 100,000 × 100,000 slots.
 */
function collect(input: ChartInput, cfg: ResolvedVizConfig, opts: AxisDataOptions) {
  const xi = columnIndex(input, cfg.x);
  const si = columnIndex(input, cfg.series);
  const ti = columnIndex(input, cfg.target);
  const yIdx = cfg.y.map((n) => columnIndex(input, n));
  const keyOf = withLastValue<number | string | null>(opts.x === "time" ? toEpochMs : opts.x === "number" ? toNumber : categoryLabel);
  const splitOf = withLastValue(categoryLabel);
  const keys: (number | string)[] = [];
  const positions = new Map<number | string, number>();
  const bySeries = new Map<string, number>();
  const sources: AxisSeries[] = [];
  const filled: number[][] = [];
  const targetSource: (number | null)[] = [];
  const several = cfg.y.length > 1;

  if (xi >= 0) {
    for (const row of input.rows) {
      const key = keyOf(row[xi]);
      if (key === null) continue;
      let p = positions.get(key);
      if (p === undefined) {
        p = keys.length;
        keys.push(key);
        positions.set(key, p);
      }
      const split = si >= 0 ? splitOf(row[si]) : "";
      for (let k = 0; k < cfg.y.length; k++) {
        const name = si < 0 ? cfg.y[k] : several ? `${split} · ${cfg.y[k]}` : split;
        let s = bySeries.get(name);
        if (s === undefined) {
          s = sources.length;
          sources.push({ name, column: cfg.y[k], values: [] });
          filled.push([]);
          bySeries.set(name, s);
        }
        const values = sources[s].values;
        if (!(p in values)) filled[s].push(p);
        values[p] = toNumber(row[yIdx[k]]);
      }
      // The target is one line whatever the split: the first value given for each x.
      if (ti >= 0 && targetSource[p] == null) targetSource[p] = toNumber(row[ti]);
    }
  }
  return { keys, positions, sources, filled, targetSource: ti >= 0 ? targetSource : null };
}

/**
 * At most MAX_SERIES series: the largest by total magnitude, in their first-seen order. With `fold`, the
 * rest add up into one "Other" series per y column (named "Other · column" when there are several), which
 * counts against the limit; otherwise they are left out. Either way a note says so.
 */
function capSeries(sources: AxisSeries[], filled: number[][], length: number, fold: boolean, notes: string[]): AxisSeries[] {
  if (sources.length <= MAX_SERIES) return sources;
  const columns = [...new Set(sources.map((s) => s.column))];
  const keepCount = fold ? Math.max(1, MAX_SERIES - columns.length) : MAX_SERIES;
  const totals = sources.map((s, i) => filled[i].reduce((sum, p) => sum + Math.abs(s.values[p] ?? 0), 0));
  // Largest first; on equal totals the earlier series wins, so the choice is stable.
  const ranked = sources.map((_, i) => i).sort((a, b) => totals[b] - totals[a] || a - b);
  const kept = new Set(ranked.slice(0, keepCount));
  const top = sources.filter((_, i) => kept.has(i));
  const rest = sources.filter((_, i) => !kept.has(i));
  const total = formatCount(sources.length);
  if (!fold) {
    notes.push(`Showing the ${formatCount(keepCount)} largest of ${total} series`);
    return top;
  }
  notes.push(`The ${formatCount(rest.length)} smallest of ${total} series are grouped as “${OTHER_SERIES}”`);
  const others = new Map<string, AxisSeries>();
  for (let r = 0; r < sources.length; r++) {
    if (kept.has(r)) continue;
    const s = sources[r];
    const name = columns.length > 1 ? `${OTHER_SERIES} · ${s.column}` : OTHER_SERIES;
    let other = others.get(name);
    if (!other) {
      // A real series of that name among the largest takes the rest in, rather than two with one name.
      const existing = top.find((t) => t.name === name);
      other = existing ?? { name, column: s.column, values: new Array<number | null>(length).fill(null), other: true };
      if (existing) top[top.indexOf(existing)] = other = { ...existing, values: [...existing.values], other: true };
      others.set(name, other);
    }
    // Only the positions the series has: the whole length for each of thousands of folded series is
    // O(series × positions), minutes for a big result.
    const values = other.values;
    for (const i of filled[r]) {
      const v = s.values[i];
      if (v !== null && v !== undefined) values[i] = (values[i] ?? 0) + v;
    }
  }
  return [...top, ...[...others.values()].filter((o) => !top.includes(o))];
}

/** Every step of the grain from the first time to the last; steps without a row get index -1. */
function fillTimeSteps(times: number[], grain: DateGrain, positions: Map<number | string, number>) {
  const steps = stepsBetween(times[0], times[times.length - 1], grain, MAX_FILLED_STEPS);
  if (!steps || steps.length === times.length) return null;
  return { xs: steps as (number | string)[], order: steps.map((t) => positions.get(t) ?? -1) };
}

/** Categories in the query's order, by label, or by their total over all series; ties keep query order. */
function sortCategories(order: number[], labels: string[], sources: AxisSeries[], sort: ResolvedVizConfig["sort"]): number[] {
  if (sort === "query") return order;
  if (sort === "x-asc" || sort === "x-desc") {
    const sign = sort === "x-asc" ? 1 : -1;
    return [...order].sort((a, b) => sign * compareLabels(labels[a], labels[b]));
  }
  const totals = labels.map((_, i) => sources.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const sign = sort === "value-asc" ? 1 : -1;
  return [...order].sort((a, b) => sign * (totals[a] - totals[b]));
}

/** Numbers as numbers, text naturally ("Item 2" before "Item 10"). */
function compareLabels(a: string, b: string): number {
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== null && nb !== null) return na - nb;
  return collator.compare(a, b);
}

/**
 * Each value as its share of the position's total (of magnitudes, so negative values cannot cancel out).
 * Where the total is 0 there are no shares: the stack breaks rather than dropping to 0 %.
 */
function toShares(series: AxisSeries[], length: number): AxisSeries[] {
  const totals = new Array<number>(length).fill(0);
  for (const s of series) s.values.forEach((v, i) => (totals[i] += Math.abs(v ?? 0)));
  return series.map((s) => ({ ...s, values: s.values.map((v, i) => (v === null || totals[i] === 0 ? null : v / totals[i])) }));
}
