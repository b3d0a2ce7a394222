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
