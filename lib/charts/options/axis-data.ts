// The data behind line, area, bar and combo charts: result rows (long or wide) turned into series that share
// one ordered list of x positions, with time gaps filled, 100 % shares worked out and big results cut down.
import { categoryLabel, toNumber } from "../format";
import type { ResolvedVizConfig } from "../resolve-viz-config";
import { inferGrain, stepsBetween, toEpochMs, type DateGrain } from "../time";
import { columnIndex, formatCount, type ChartInput } from "./common";
import { MAX_CATEGORIES, MAX_POINTS_PER_SERIES, sampleAlignedPositions } from "./sampling";

export interface AxisSeries {
  name: string;
  /** The y column the series comes from (decides its axis and, on combo charts, bar or line). */
  column: string;
  /** One value per x position; null where the series has none. */
  values: (number | null)[];
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
}

/** Filling a time series stops here: a stray date decades away must not create millions of empty steps. */
const MAX_FILLED_STEPS = 100_000;
const collator = new Intl.Collator("en", { numeric: true });

export function buildAxisData(input: ChartInput, cfg: ResolvedVizConfig, opts: AxisDataOptions): AxisData {
  const collected = collect(input, cfg, opts);
  const { keys, sources, targetSource } = collected;
  const notes: string[] = [];

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

  if (opts.limit === "points" && xs.length > MAX_POINTS_PER_SERIES) {
    const keep = sampleAlignedPositions(
      series.map((s) => s.values),
      xs.length,
      MAX_POINTS_PER_SERIES,
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

/** One pass over the rows: distinct x keys in first-seen order and each series' value at each key. */
function collect(input: ChartInput, cfg: ResolvedVizConfig, opts: AxisDataOptions) {
  const xi = columnIndex(input, cfg.x);
  const si = columnIndex(input, cfg.series);
  const ti = columnIndex(input, cfg.target);
  const yIdx = cfg.y.map((n) => columnIndex(input, n));
  const keyOf: (v: unknown) => number | string | null = opts.x === "time" ? toEpochMs : opts.x === "number" ? toNumber : categoryLabel;
  const keys: (number | string)[] = [];
  const positions = new Map<number | string, number>();
  const bySeries = new Map<string, AxisSeries>();
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
      const split = si >= 0 ? categoryLabel(row[si]) : "";
      for (let k = 0; k < cfg.y.length; k++) {
        const name = si < 0 ? cfg.y[k] : several ? `${split} · ${cfg.y[k]}` : split;
        let s = bySeries.get(name);
        if (!s) {
          s = { name, column: cfg.y[k], values: [] };
          bySeries.set(name, s);
        }
        s.values[p] = toNumber(row[yIdx[k]]);
      }
      // The target is one line whatever the split: the first value given for each x.
      if (ti >= 0 && targetSource[p] == null) targetSource[p] = toNumber(row[ti]);
    }
  }
  return { keys, positions, sources: [...bySeries.values()], targetSource: ti >= 0 ? targetSource : null };
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
