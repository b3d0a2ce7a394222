// Line, area, bar and combo charts: one x axis (time, numbers or categories), values on a left and
// optionally a right axis, an optional target line.
import type { BarSeriesOption, EChartsOption, LineSeriesOption, XAXisComponentOption, YAXisComponentOption } from "echarts";
import { formatNumber, formatValue, toNumber, valueFormatOf, type ValueFormatOptions } from "../format";
import { isTemporal } from "../infer-viz-type";
import type { ResolvedVizConfig } from "../resolve-viz-config";
import { autoDateFormat, formatDate, minIntervalOf, type DateLabelFormat } from "../time";
import { buildAxisData, type AxisData } from "./axis-data";
import {
  axisName,
  baseOption,
  columnIndex,
  gridOption,
  legendOption,
  legendPosition,
  PERCENT,
  valueAxis,
  yOfParam,
  type BuiltChart,
  type ChartInput,
} from "./common";
import { assignSeriesColors, OTHER_COLOR, TARGET_COLOR } from "./palette";

export type AxisVizType = "line" | "area" | "bar" | "combo";
export const TARGET_NAME = "Target";
/** Above this many points a line is drawn without a marker on every point. */
const MAX_POINTS_WITH_SYMBOLS = 60;

type XKind = "time" | "value" | "category";
type Series = LineSeriesOption | BarSeriesOption;

export function buildAxisChart(type: AxisVizType, input: ChartInput, cfg: ResolvedVizConfig): BuiltChart {
  const xColumn = input.columns[columnIndex(input, cfg.x)];
  const temporal = xColumn !== undefined && isTemporal(xColumn);
  const horizontal = type === "bar" && cfg.orientation === "horizontal";
  const hasBars = type === "bar" || type === "combo";
  // Horizontal bars list their dates top to bottom like any category; bars give every number its own bar,
  // while lines place numbers on a value axis.
  const xKind: XKind = temporal ? (horizontal ? "category" : "time") : xColumn?.type === "number" && !hasBars ? "value" : "category";
  // Combo charts stack their bars only; a 100 % combo would put shares and raw line values on one axis.
  const stacking = type === "combo" && cfg.stacking === "percent" ? "stacked" : cfg.stacking;
  const percent = stacking === "percent";
  const data = buildAxisData(input, cfg, {
    x: temporal ? "time" : xKind === "value" ? "number" : "label",
    limit: hasBars && xKind === "category" ? "categories" : "points",
    percent,
    // Folding keeps a stack's height true; on unstacked charts a sum of unrelated lines would mislead.
    fold: stacking !== "none",
  });
  const notes = [...data.notes];
  const fmt = valueFormatOf(cfg);
  const seriesFmt = percent ? PERCENT : fmt;
  // The right axis measures another unit (a rate beside revenue), so it does not take the chart's format.
  const rightFmt: ValueFormatOptions = { format: cfg.rightAxis.format ?? "number", currency: cfg.currency };
  const dateFmt: DateLabelFormat | null = temporal ? (cfg.dateFormat === "auto" ? null : cfg.dateFormat) : null;

  const series = buildSeries(type, data, cfg, { xKind, stacking, horizontal, fmt: seriesFmt, rightFmt });
  // A target is an amount; on a chart of shares it has no place.
  if (percent && (data.target || cfg.targetValue !== undefined)) notes.push("Targets are not drawn on a 100 % stacked chart");
  if (data.target && !percent) series.push(targetSeries(data, xKind));
  const targetValue = percent ? undefined : cfg.targetValue;
  if (targetValue !== undefined) {
    const host = series.find((s) => s.yAxisIndex === undefined) ?? series[0];
    if (host) host.markLine = targetMarkLine(targetValue, cfg.targetLabel, horizontal);
  }

  const categoryFmt = dateFmt ?? (temporal ? autoDateFormat(data.grain, data.xs as number[]) : "day");
  const xAxis = xAxisOption(xKind, data, cfg, {
    labels: temporal && xKind === "category" ? data.xs.map((t) => formatDate(t as number, categoryFmt)) : null,
    dateFmt,
    headerFmt: categoryFmt,
  });
  const left: YAXisComponentOption = {
    ...valueAxis(cfg.yAxis, fmt, { percent }),
    // A target outside the data's range still shows: the axis extends to it and keeps nice ticks.
    ...(targetValue !== undefined ? { dataMin: targetValue, dataMax: targetValue } : {}),
  };
  const yAxes = series.some((s) => s.yAxisIndex === 1) ? [left, valueAxis(cfg.rightAxis, rightFmt, { right: true })] : left;
  const position = legendPosition(cfg.legend, series.length);

  const option = {
    ...baseOption(),
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => formatValue(v, seriesFmt),
      // A shaded band marks the hovered bar; it has no width on a time axis, so those keep the line.
      ...(hasBars && xKind === "category" ? { axisPointer: { type: "shadow" } } : {}),
    },
    legend: legendOption(position),
    grid: gridOption(position),
    // Horizontal bars swap the axes; the categories read top to bottom in order.
    xAxis: horizontal ? yAxes : xAxis,
    yAxis: horizontal ? { ...xAxis, inverse: true } : yAxes,
    series,
  };
  return { option: option as EChartsOption, notes };
}

function buildSeries(
  type: AxisVizType,
  data: AxisData,
  cfg: ResolvedVizConfig,
  opts: { xKind: XKind; stacking: ResolvedVizConfig["stacking"]; horizontal: boolean; fmt: ValueFormatOptions; rightFmt: ValueFormatOptions },
): Series[] {
  const lineColumns = new Set(cfg.lineColumns);
  // A right axis beside horizontal bars would be a second x axis, and shares of one whole belong on one
  // 0–100 % axis: those charts keep a single value axis.
  const rightColumns = new Set(opts.horizontal || opts.stacking === "percent" ? [] : cfg.rightAxisColumns);
  const colors = assignSeriesColors(
    data.series.filter((s) => !s.other).map((s) => s.name),
    cfg.colors,
  );
  const showSymbol = data.xs.length <= MAX_POINTS_WITH_SYMBOLS;
  const point = pointOf(data, opts.xKind);
  // Likewise x ≤ 0 on a log x axis (lines and areas over a numeric x).
  const xLog = opts.xKind === "value" && cfg.xAxis.log === true;
  const xFits = (i: number) => !xLog || (data.xs[i] as number) > 0;

  return data.series.map((s): Series => {
    const kind = type === "bar" || (type === "combo" && !lineColumns.has(s.column)) ? "bar" : "line";
    const right = rightColumns.has(s.column);
    const color = s.other ? (cfg.colors[s.name] ?? OTHER_COLOR) : (colors.get(s.name) as string);
    const stacked = opts.stacking !== "none" && (type !== "combo" || kind === "bar");
    // Values ≤ 0 have no place on a log axis; ECharts would draw them at -Infinity.
    const log = opts.stacking !== "percent" && (right ? cfg.rightAxis.log : cfg.yAxis.log) === true;
    const fmt = right ? opts.rightFmt : opts.fmt;
    const common = {
      name: s.name,
      data: s.values.map((v, i) => point(i, (log && v !== null && v <= 0) || !xFits(i) ? null : v)),
      itemStyle: { color },
      ...(stacked ? { stack: right ? "total-right" : "total" } : {}),
      ...(right ? { yAxisIndex: 1, tooltip: { valueFormatter: (v: unknown) => formatValue(v, fmt) } } : {}),
      // Dense series would print labels over each other; ECharts drops the ones that collide.
      ...(cfg.dataLabels ? { label: dataLabel(kind, stacked, opts.horizontal, fmt), labelLayout: { hideOverlap: true } } : {}),
    };
    if (kind === "bar") return { type: "bar", ...common } as BarSeriesOption;
    return {
      type: "line",
      ...common,
      lineStyle: { color },
      showSymbol,
      // A missing value breaks the line (gaps: "gap"); with gaps: "zero" there are none left.
      connectNulls: false,
      ...(type === "area" ? { areaStyle: { color, opacity: stacked ? 0.7 : 0.25 } } : {}),
    } as LineSeriesOption;
  });
}

/** Category axes take plain values (matched to the axis' labels); time and value axes take [x, y]. */
function pointOf(data: AxisData, xKind: XKind) {
  return xKind === "category"
    ? (_i: number, v: number | null) => v
    : (i: number, v: number | null) => [data.xs[i] as number, v] as [number, number | null];
}

function targetSeries(data: AxisData, xKind: XKind): LineSeriesOption {
  const point = pointOf(data, xKind);
  return {
    name: TARGET_NAME,
    type: "line",
    data: (data.target ?? []).map((v, i) => point(i, v)),
    symbol: "none",
    // A plan is one continuous line even where it skips a period.
    connectNulls: true,
    lineStyle: { type: "dashed", width: 2, color: TARGET_COLOR },
    itemStyle: { color: TARGET_COLOR },
    z: 3,
  } as LineSeriesOption;
}

function targetMarkLine(value: number, label: string, horizontal: boolean): LineSeriesOption["markLine"] {
  return {
    silent: true,
    symbol: "none",
    lineStyle: { type: "dashed", width: 2, color: TARGET_COLOR },
    label: { position: "insideEndTop", color: TARGET_COLOR, formatter: () => label },
    data: [horizontal ? { xAxis: value } : { yAxis: value }],
  };
}

function dataLabel(kind: "bar" | "line", stacked: boolean, horizontal: boolean, fmt: ValueFormatOptions) {
  return {
    show: true,
    position: kind === "bar" && stacked ? ("inside" as const) : horizontal ? ("right" as const) : ("top" as const),
    formatter: (p: { value?: unknown }) => {
      const v = toNumber(yOfParam(p));
      return v === null ? "" : formatNumber(v, fmt, { compact: true });
    },
  };
}

function xAxisOption(
  xKind: XKind,
  data: AxisData,
  cfg: ResolvedVizConfig,
  opts: { labels: string[] | null; dateFmt: DateLabelFormat | null; headerFmt: DateLabelFormat },
): XAXisComponentOption {
  const name = axisName(cfg.xAxis.title);
  if (xKind === "category") {
    return { type: "category", ...name, data: opts.labels ?? (data.xs as string[]), axisLabel: { hideOverlap: true } };
  }
  if (xKind === "value") {
    return {
      type: cfg.xAxis.log ? "log" : "value",
      ...name,
      scale: true,
      ...(cfg.xAxis.min !== undefined ? { min: cfg.xAxis.min } : {}),
      ...(cfg.xAxis.max !== undefined ? { max: cfg.xAxis.max } : {}),
      axisLabel: { hideOverlap: true },
    };
  }
  const { dateFmt, headerFmt } = opts;
  const minInterval = dateFmt ? minIntervalOf(dateFmt) : undefined;
  return {
    type: "time",
    ...name,
    // "auto" keeps ECharts' own time labels, which adapt to the zoom level.
    axisLabel: { hideOverlap: true, ...(dateFmt ? { formatter: (t: number) => formatDate(t, dateFmt) } : {}) },
    ...(minInterval !== undefined ? { minInterval } : {}),
    // The tooltip's heading is the axis pointer's label: the hovered date in the chart's format.
    axisPointer: { label: { formatter: (p: { value: unknown }) => formatDate(Number(p.value), headerFmt) } },
  };
}
