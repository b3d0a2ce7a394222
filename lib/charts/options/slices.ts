// Label → value pairs read from a result, for the charts that draw one value per label (pie, funnel).
import { categoryLabel, toNumber } from "../format";
import type { ResolvedVizConfig } from "../resolve-viz-config";
import { columnIndex, type ChartInput } from "./common";

export interface Slice {
  name: string;
  value: number;
}

/** One slice per label in first-seen order; rows repeating a label add up; rows without a value are skipped. */
export function readSlices(input: ChartInput, cfg: ResolvedVizConfig): Slice[] {
  const xi = columnIndex(input, cfg.x);
  const yi = columnIndex(input, cfg.y[0]);
  if (yi < 0) return [];
  const slices = new Map<string, Slice>();
  for (const row of input.rows) {
    const value = toNumber(row[yi]);
    if (value === null) continue;
    const name = categoryLabel(xi >= 0 ? row[xi] : null);
    const slice = slices.get(name);
    if (slice) slice.value += value;
    else slices.set(name, { name, value });
  }
  return [...slices.values()];
}

/** Slices (pie) or stages (funnel) in the query's order, by value, or by label; ties keep the query's order. */
export function sortSlices(slices: Slice[], sort: ResolvedVizConfig["sort"]): Slice[] {
  switch (sort) {
    case "value-desc":
      return [...slices].sort((a, b) => b.value - a.value);
    case "value-asc":
      return [...slices].sort((a, b) => a.value - b.value);
    case "x-asc":
      return [...slices].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    case "x-desc":
      return [...slices].sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    default:
      return slices;
  }
}
