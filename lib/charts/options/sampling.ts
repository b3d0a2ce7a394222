// Keeping big results drawable. Past these limits the browser tab would stall (or the snapshot time out),
// so the builders keep a deterministic subset and say so in a note under the chart.

/** Points per series on a line, area or time axis. */
export const MAX_POINTS_PER_SERIES = 2000;
/** Categories on a bar chart; more than this cannot be read anyway. */
export const MAX_CATEGORIES = 200;
/** Points on a scatter or bubble chart. */
export const MAX_SCATTER_POINTS = 5000;
/** Pie and donut slices before the rest fold into "Other". */
export const MAX_PIE_SLICES = 12;
/**
 * Series on a line, area, bar or combo chart (a result split by a column with 1,500 values would otherwise
 * draw 1,500 lines). Past it the largest series by total are kept; stacked charts fold the rest into one
 * "Other" series (so the stack's height stays true), unstacked ones leave them out.
 */
export const MAX_SERIES = 25;
/** Points drawn on one line, area or time-axis chart over all its series: per-series limits shrink to fit. */
export const MAX_TOTAL_POINTS = 20_000;
/** Colours (series) on a scatter or bubble chart; the points of the rest are drawn grey as "Other". */
export const MAX_SCATTER_SERIES = 25;
/** Cohorts (rows) and periods (columns) of a retention heatmap: at most 10,000 cells. */
export const MAX_COHORTS = 100;
export const MAX_COHORT_PERIODS = 100;
/** Funnel stages; a funnel is read in order, so the first ones are kept. */
export const MAX_FUNNEL_STAGES = 20;

/** Points each of `seriesCount` aligned series may keep so that together they stay within MAX_TOTAL_POINTS. */
export function pointsPerSeries(seriesCount: number): number {
  return Math.min(MAX_POINTS_PER_SERIES, Math.floor(MAX_TOTAL_POINTS / Math.max(1, seriesCount)));
}

/**
 * Positions to keep of `length` aligned positions shared by several series (min/max bucketing): the first
 * and last position, and in each bucket the positions of every series' minimum and maximum, so peaks and
 * dips survive. All series keep the same positions, which keeps stacks and axis tooltips lined up. With
 * `keepGaps`, a bucket where a series is missing a value also keeps one missing position, so its line
 * still breaks there. At most `limit` positions are kept; the result is in position order.
 */
export function sampleAlignedPositions(series: readonly (readonly (number | null)[])[], length: number, limit: number, keepGaps: boolean): number[] {
  if (length <= limit) return Array.from({ length }, (_, i) => i);
  const lines = series.length > 0 ? series : [new Array<number | null>(length).fill(0)];
  const gaps = keepGaps && lines.some((values) => values.some((v) => v === null));
  const slotsPerBucket = lines.length * (gaps ? 3 : 2);
  const buckets = Math.max(1, Math.floor((limit - 2) / slotsPerBucket));
  const inner = length - 2;
  const keep = new Uint8Array(length);
  keep[0] = 1;
  keep[length - 1] = 1;
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    for (const values of lines) {
      let lo = -1;
      let hi = -1;
      let missing = -1;
      for (let i = start; i < end; i++) {
        const v = values[i];
        if (v === null) {
          if (missing < 0) missing = i;
          continue;
        }
        if (lo < 0 || v < (values[lo] as number)) lo = i;
        if (hi < 0 || v > (values[hi] as number)) hi = i;
      }
      if (lo >= 0) keep[lo] = 1;
      if (hi >= 0) keep[hi] = 1;
      if (gaps && missing >= 0) keep[missing] = 1;
    }
  }
  const kept: number[] = [];
  for (let i = 0; i < length; i++) if (keep[i]) kept.push(i);
  return kept;
}

/** `limit` positions spread evenly over `length` (every length/limit-th), or all of them. */
export function stridePositions(length: number, limit: number): number[] {
  if (length <= limit) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: limit }, (_, j) => Math.floor((j * length) / limit));
}
