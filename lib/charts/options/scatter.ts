// Scatter and bubble charts: one point per row, x and y numbers (x may be a time); bubbles sized by a
// third number.
import type { EChartsOption, ScatterSeriesOption, XAXisComponentOption, YAXisComponentOption } from "echarts";
import { categoryLabel, formatNumber, toNumber, valueFormatOf, type ValueFormatOptions } from "../format";
import { isTemporal } from "../infer-viz-type";
import type { ResolvedVizConfig } from "../resolve-viz-config";
import { autoDateFormat, formatDate, toEpochMs, type DateLabelFormat } from "../time";
import {
  axisName,
  baseOption,
  columnIndex,
  escapeHtml,
  formatCount,
  gridOption,
  legendOption,
  legendPosition,
  valueAxis,
  type BuiltChart,
  type ChartInput,
} from "./common";
import { OTHER_SERIES } from "./axis-data";
import { assignSeriesColors, OTHER_COLOR } from "./palette";
import { MAX_SCATTER_POINTS, MAX_SCATTER_SERIES, stridePositions } from "./sampling";

/** Bubble diameters in px: the largest value gets MAX, area grows with the value, nothing below MIN. */
export const BUBBLE_MIN_PX = 4;
export const BUBBLE_MAX_PX = 40;
const SCATTER_SYMBOL_PX = 8;

interface Point {
  series: string;
  column: string;
  x: number;
  y: number;
  size: number | null;
}

export function buildScatterChart(type: "scatter" | "bubble", input: ChartInput, cfg: ResolvedVizConfig): BuiltChart {
  const xi = columnIndex(input, cfg.x);
  const xColumn = input.columns[xi];
  const temporal = xColumn !== undefined && isTemporal(xColumn);
  const bubble = type === "bubble";
  const notes: string[] = [];
  const all = collectPoints(input, cfg, { temporal, bubble });

  // Past the limit keep an even spread of the rows, in row order: the same result always gives the same points.
  let points = all;
  if (all.length > MAX_SCATTER_POINTS) {
    points = stridePositions(all.length, MAX_SCATTER_POINTS).map((i) => all[i]);
    notes.push(`Showing ${formatCount(points.length)} of ${formatCount(all.length)} points (sampled)`);
  }
  // Sized against every point, so sampling does not change how big a bubble is.
  const maxSize = bubble ? all.reduce((m, p) => Math.max(m, p.size ?? 0), 0) : 0;

  const groups = groupPoints(points, notes);
  const colors = assignSeriesColors(
    [...groups.keys()].filter((n) => n !== OTHER_SERIES),
    cfg.colors,
  );
  const fmt = valueFormatOf(cfg);
  const label = cfg.dataLabels ? pointLabel(cfg, fmt) : null;
  const series: ScatterSeriesOption[] = [...groups.entries()].map(([name, list]) => {
    const color = name === OTHER_SERIES ? (cfg.colors[name] ?? OTHER_COLOR) : (colors.get(name) as string);
    return {
      name,
      type: "scatter",
      itemStyle: { color, ...(bubble ? { opacity: 0.7 } : {}) },
      // Dense clouds would print labels over each other; ECharts drops the ones that collide.
      ...(label ? { label, labelLayout: { hideOverlap: true } } : {}),
      ...(bubble
        ? { data: list.map((p) => ({ value: [p.x, p.y, p.size], symbolSize: bubbleSize(p.size, maxSize) })) }
        : { symbolSize: SCATTER_SYMBOL_PX, data: list.map((p) => [p.x, p.y]) }),
    } as ScatterSeriesOption;
  });

  const dateFmt: DateLabelFormat = cfg.dateFormat !== "auto" ? cfg.dateFormat : autoDateFormat(null, temporal ? all.map((p) => p.x) : []);
  // "Other" may mix y columns; its tooltip then says "y".
  const columnOf = [...groups.values()].map((list) => (list.every((p) => p.column === list[0].column) ? list[0].column : "y"));
  const position = legendPosition(cfg.legend, series.length);
  const option = {
    ...baseOption(),
    tooltip: {
      trigger: "item",
      formatter: (p: { seriesIndex?: number; seriesName?: string; marker?: unknown; value?: unknown }) =>
        pointTooltip(p, { cfg, yColumn: columnOf[p.seriesIndex ?? 0] ?? "", fmt, xText: (x) => (temporal ? formatDate(x, dateFmt) : formatNumber(x)) }),
    },
    legend: legendOption(position),
    grid: gridOption(position),
    xAxis: xAxisOption(cfg, temporal, dateFmt),
    yAxis: {
      ...valueAxis({ ...cfg.yAxis, title: cfg.yAxis.title ?? (cfg.y.length === 1 ? cfg.y[0] : undefined) }, fmt),
      scale: true,
    } as YAXisComponentOption,
    series,
  };
  return { option: option as EChartsOption, notes };
}

/**
 * Points by series in first-seen order. Past MAX_SCATTER_SERIES, the series with the most points keep their
 * colour and the points of the rest are drawn together as one grey "Other" series: every point stays.
 */
function groupPoints(points: Point[], notes: string[]): Map<string, Point[]> {
  const groups = new Map<string, Point[]>();
  for (const p of points) {
    const list = groups.get(p.series);
    if (list) list.push(p);
    else groups.set(p.series, [p]);
  }
  if (groups.size <= MAX_SCATTER_SERIES) return groups;
  const names = [...groups.keys()];
  // Most points first; on equal counts the earlier series wins, so the choice is stable.
  const ranked = names.map((_, i) => i).sort((a, b) => (groups.get(names[b]) as Point[]).length - (groups.get(names[a]) as Point[]).length || a - b);
  const kept = new Set(ranked.slice(0, MAX_SCATTER_SERIES - 1).map((i) => names[i]));
  const capped = new Map<string, Point[]>();
  const other: Point[] = [];
  for (const [name, list] of groups) {
    if (kept.has(name) && name !== OTHER_SERIES) capped.set(name, list);
    else other.push(...list);
  }
  notes.push(`The ${formatCount(groups.size - capped.size)} smallest of ${formatCount(groups.size)} series are drawn as “${OTHER_SERIES}”`);
  capped.set(OTHER_SERIES, other);
  return capped;
}

function collectPoints(input: ChartInput, cfg: ResolvedVizConfig, opts: { temporal: boolean; bubble: boolean }): Point[] {
  const xi = columnIndex(input, cfg.x);
  const si = columnIndex(input, cfg.series);
  const zi = opts.bubble ? columnIndex(input, cfg.size) : -1;
  const yIdx = cfg.y.map((n) => columnIndex(input, n));
  const readX = opts.temporal ? toEpochMs : toNumber;
  // Points that a log axis cannot place are left out rather than drawn at -Infinity.
  const fits = (v: number, log: boolean | undefined) => !log || v > 0;
  const points: Point[] = [];
  if (xi < 0) return points;
  for (const row of input.rows) {
    const x = readX(row[xi]);
    if (x === null || !fits(x, !opts.temporal && cfg.xAxis.log)) continue;
    for (let k = 0; k < cfg.y.length; k++) {
      const y = toNumber(row[yIdx[k]]);
      if (y === null || !fits(y, cfg.yAxis.log)) continue;
      const column = cfg.y[k];
      const split = si >= 0 ? categoryLabel(row[si]) : null;
      const series = split === null ? column : cfg.y.length > 1 ? `${split} · ${column}` : split;
      points.push({ series, column, x, y, size: zi >= 0 ? toNumber(row[zi]) : null });
    }
  }
  return points;
}

/**
 * A label beside each point: the series' name when the points are split by a column (a bubble per country
 * reads best as "US"), otherwise the y value in the chart's format.
 */
function pointLabel(cfg: ResolvedVizConfig, fmt: ValueFormatOptions) {
  return {
    show: true,
    position: "top" as const,
    formatter:
      cfg.series !== undefined
        ? (p: { seriesName?: string }) => p.seriesName ?? ""
        : (p: { value?: unknown }) => {
            const y = Array.isArray(p.value) ? toNumber(p.value[1]) : null;
            return y === null ? "" : formatNumber(y, fmt, { compact: true });
          },
  };
}

/** Area proportional to the value (diameter ∝ √value), rounded to 0.1 px so options compare exactly. */
export function bubbleSize(value: number | null, maxValue: number): number {
  if (value === null || value <= 0 || maxValue <= 0) return BUBBLE_MIN_PX;
  const px = BUBBLE_MAX_PX * Math.sqrt(value / maxValue);
  return Math.round(Math.max(BUBBLE_MIN_PX, px) * 10) / 10;
}

function xAxisOption(cfg: ResolvedVizConfig, temporal: boolean, dateFmt: DateLabelFormat): XAXisComponentOption {
  const name = axisName(cfg.xAxis.title ?? cfg.x);
  if (temporal) {
    return {
      type: "time",
      ...name,
      axisLabel: { hideOverlap: true, ...(cfg.dateFormat !== "auto" ? { formatter: (t: number) => formatDate(t, dateFmt) } : {}) },
    };
  }
  return {
    type: cfg.xAxis.log ? "log" : "value",
    ...name,
    scale: true,
    ...(cfg.xAxis.min !== undefined ? { min: cfg.xAxis.min } : {}),
    ...(cfg.xAxis.max !== undefined ? { max: cfg.xAxis.max } : {}),
    axisLabel: { hideOverlap: true, formatter: (v: number) => formatNumber(v, "number", { compact: true }) },
  };
}

/** "web", then x, y (and size) each with its column name. HTML, so everything from the result is escaped. */
function pointTooltip(
  p: { seriesName?: string; marker?: unknown; value?: unknown },
  ctx: { cfg: ResolvedVizConfig; yColumn: string; fmt: ValueFormatOptions; xText: (x: number) => string },
): string {
  const [x, y, size] = Array.isArray(p.value) ? (p.value as (number | null)[]) : [];
  const lines = [
    `${typeof p.marker === "string" ? p.marker : ""}${escapeHtml(p.seriesName ?? "")}`,
    `${escapeHtml(ctx.cfg.x ?? "x")}: ${escapeHtml(x == null ? "–" : ctx.xText(x))}`,
    `${escapeHtml(ctx.yColumn)}: ${escapeHtml(y == null ? "–" : formatNumber(y, ctx.fmt))}`,
  ];
  if (ctx.cfg.size !== undefined && Array.isArray(p.value) && p.value.length > 2) {
    lines.push(`${escapeHtml(ctx.cfg.size)}: ${escapeHtml(size == null ? "–" : formatNumber(size))}`);
  }
  return lines.join("<br/>");
}
