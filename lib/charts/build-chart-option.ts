// The ECharts option for a chart, built from a query result and the chart's config. Pure: the same input
// always gives the same option (no animation, fixed palette, UTC time axis), so snapshots are stable.
import type { EChartsOption } from "echarts";
import type { QueryResult } from "@/lib/warehouse/types";
import { categoryLabel, formatNumber, formatValue, toNumber, type NumberFormat } from "./format";
import { inferVizType, isTemporal, type ConcreteVizType } from "./infer-viz-type";
import { resolveVizConfig, type ResolvedVizConfig } from "./resolve-viz-config";
import { toEpochMs } from "./time";
import type { VizConfig, VizType } from "./types";

export const PALETTE = ["#2f6fde", "#f08a24", "#1f9d6b", "#d64545", "#8a5cd1", "#14a3b8", "#c9a227", "#e0679f", "#6b7a8f", "#7fb800"];
export const TARGET_COLOR = "#5f6b7a";
export const TARGET_NAME = "Target";
/** Above this many points a line is drawn without a marker on every point. */
const MAX_POINTS_WITH_SYMBOLS = 60;

/** The concrete type a chart is drawn as ("auto" resolved from the result's shape). */
export function resolveVizType(vizType: VizType, result: Pick<QueryResult, "columns" | "rows">): ConcreteVizType {
  return vizType === "auto" ? inferVizType(result.columns, result.rows) : vizType;
}

/** The ECharts option, or null for the types drawn in HTML ("number", "table"). */
export function buildChartOption(vizType: VizType, result: Pick<QueryResult, "columns" | "rows">, config: VizConfig = {}): EChartsOption | null {
  const type = resolveVizType(vizType, result);
  if (type === "number" || type === "table") return null;
  const resolved = resolveVizConfig(type, result.columns, config);
  if (type === "pie") return pieOption(result, resolved);
  if (type === "scatter") return scatterOption(result, resolved);
  return axisOption(type, result, resolved);
}

function base(format: NumberFormat) {
  return {
    animation: false,
    useUTC: true,
    color: PALETTE,
    textStyle: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" },
    tooltip: { trigger: "axis" as const, valueFormatter: (v: unknown) => formatValue(v, format) },
  };
}

function legendAndGrid(seriesCount: number) {
  const showLegend = seriesCount > 1;
  return {
    legend: { show: showLegend, type: "scroll" as const, top: 0 },
    grid: { left: 8, right: 16, top: showLegend ? 36 : 16, bottom: 8, containLabel: true },
  };
}

function indexOfColumn(result: Pick<QueryResult, "columns">, name: string | undefined): number {
  return name === undefined ? -1 : result.columns.findIndex((c) => c.name === name);
}

type XKind = "time" | "value" | "category";

function axisOption(type: "line" | "area" | "bar", result: Pick<QueryResult, "columns" | "rows">, cfg: ResolvedVizConfig): EChartsOption {
  const xi = indexOfColumn(result, cfg.x);
  const xCol = result.columns[xi];
  const xKind: XKind = !xCol ? "category" : isTemporal(xCol) ? "time" : xCol.type === "number" && type !== "bar" ? "value" : "category";
  const si = indexOfColumn(result, cfg.series);
  const ti = indexOfColumn(result, cfg.target);
  const yIdx = cfg.y.map((n) => indexOfColumn(result, n));

  // The x value of a row on its axis: epoch ms, a number, or a category label. Rows without one are skipped.
  const xOf = (row: unknown[]): number | string | null => {
    if (xi < 0) return null;
    if (xKind === "time") return toEpochMs(row[xi]);
    if (xKind === "value") return toNumber(row[xi]);
    return categoryLabel(row[xi]);
  };

  const xs: (number | string)[] = [];
  const xPos = new Map<number | string, number>();
  // series name → values by x position
  const seriesValues = new Map<string, (number | null)[]>();
  const targetValues: (number | null)[] = [];
  const seriesNameOf = (row: unknown[], yName: string) => {
    if (si < 0) return yName;
    const label = categoryLabel(row[si]);
    return cfg.y.length > 1 ? `${label} · ${yName}` : label;
  };

  for (const row of result.rows) {
    const x = xOf(row);
    if (x === null) continue;
    let pos = xPos.get(x);
    if (pos === undefined) {
      pos = xs.length;
      xs.push(x);
      xPos.set(x, pos);
    }
    cfg.y.forEach((yName, k) => {
      const name = seriesNameOf(row, yName);
      let values = seriesValues.get(name);
      if (!values) {
        values = [];
        seriesValues.set(name, values);
      }
      values[pos] = toNumber(row[yIdx[k]]);
    });
    if (ti >= 0 && targetValues[pos] == null) targetValues[pos] = toNumber(row[ti]);
  }

  // Time and value axes are drawn in x order whatever the query's ORDER BY; categories keep the query's order.
  let order = xs.map((_, i) => i);
  if (xKind !== "category") order = order.sort((a, b) => (xs[a] as number) - (xs[b] as number));
  const pick = (values: (number | null)[]) => order.map((i) => values[i] ?? null);
  const dataOf = (values: (number | null)[]) =>
    xKind === "category" ? pick(values) : order.map((i) => [xs[i] as number, values[i] ?? null] as [number, number | null]);

  const showSymbol = xs.length <= MAX_POINTS_WITH_SYMBOLS;
  const series: Record<string, unknown>[] = [...seriesValues.entries()].map(([name, values]) => ({
    name,
    type: type === "bar" ? "bar" : "line",
    data: dataOf(values),
    ...(type !== "bar" ? { showSymbol } : {}),
    ...(type === "area" ? { areaStyle: { opacity: cfg.stacked ? 0.85 : 0.25 } } : {}),
    ...(cfg.stacked ? { stack: "total" } : {}),
  }));
  if (ti >= 0) {
    series.push({
      name: TARGET_NAME,
      type: "line",
      data: dataOf(targetValues),
      symbol: "none",
      lineStyle: { type: "dashed", width: 2, color: TARGET_COLOR },
      itemStyle: { color: TARGET_COLOR },
      z: 3,
    });
  }

  const xAxis =
    xKind === "category"
      ? { type: "category", data: order.map((i) => xs[i] as string), axisLabel: { hideOverlap: true } }
      : xKind === "time"
        ? { type: "time", axisLabel: { hideOverlap: true } }
        : { type: "value", scale: true, axisLabel: { hideOverlap: true } };

  return {
    ...base(cfg.format),
    ...legendAndGrid(series.length),
    xAxis,
    yAxis: { type: "value", axisLabel: { formatter: (v: number) => formatNumber(v, cfg.format, { compact: true }) } },
    series,
  } as EChartsOption;
}

function scatterOption(result: Pick<QueryResult, "columns" | "rows">, cfg: ResolvedVizConfig): EChartsOption {
  const xi = indexOfColumn(result, cfg.x);
  const si = indexOfColumn(result, cfg.series);
  const points = new Map<string, [number, number][]>();
  for (const row of result.rows) {
    const x = xi >= 0 ? toNumber(row[xi]) : null;
    if (x === null) continue;
    for (const yName of cfg.y) {
      const y = toNumber(row[indexOfColumn(result, yName)]);
      if (y === null) continue;
      const name = si < 0 ? yName : cfg.y.length > 1 ? `${categoryLabel(row[si])} · ${yName}` : categoryLabel(row[si]);
      let list = points.get(name);
      if (!list) {
        list = [];
        points.set(name, list);
      }
      list.push([x, y]);
    }
  }
  const series = [...points.entries()].map(([name, data]) => ({ name, type: "scatter", data, symbolSize: 8 }));
  return {
    ...base(cfg.format),
    tooltip: { trigger: "item" },
    ...legendAndGrid(series.length),
    xAxis: { type: "value", name: cfg.x, nameLocation: "middle", nameGap: 28, scale: true },
    yAxis: {
      type: "value",
      name: cfg.y.length === 1 ? cfg.y[0] : undefined,
      scale: true,
      axisLabel: { formatter: (v: number) => formatNumber(v, cfg.format, { compact: true }) },
    },
    series,
  } as EChartsOption;
}

function pieOption(result: Pick<QueryResult, "columns" | "rows">, cfg: ResolvedVizConfig): EChartsOption {
  const xi = indexOfColumn(result, cfg.x);
  const yi = indexOfColumn(result, cfg.y[0]);
  const data = result.rows
    .map((row) => ({ name: categoryLabel(xi >= 0 ? row[xi] : null), value: yi >= 0 ? toNumber(row[yi]) : null }))
    .filter((d): d is { name: string; value: number } => d.value !== null);
  return {
    ...base(cfg.format),
    tooltip: { trigger: "item", valueFormatter: (v: unknown) => formatValue(v, cfg.format) },
    legend: { show: data.length > 1, type: "scroll", top: 0 },
    series: [
      {
        name: cfg.y[0] ?? "",
        type: "pie",
        radius: ["40%", "70%"],
        center: ["50%", "55%"],
        data,
        label: { formatter: "{b}: {d}%" },
      },
    ],
  } as EChartsOption;
}
