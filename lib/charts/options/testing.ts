// Test helpers for the option builders: results written inline, and the built option read through a loose
// shape so tests can reach into series and call formatters. Only tests import this file.
import type { QueryResult, ResultColumn } from "@/lib/warehouse/types";
import { buildChartOption } from "../build-chart-option";
import type { VizConfig, VizType } from "../types";

export const col = (name: string, type: ResultColumn["type"], dbType: string = type): ResultColumn => ({ name, type, dbType });
export const result = (columns: ResultColumn[], rows: unknown[][]): Pick<QueryResult, "columns" | "rows"> => ({ columns, rows });
/** Epoch ms of an ISO date or time, read as UTC. */
export const utc = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

type Formatter<P> = (p: P) => string;

export interface TestSeries {
  name?: string;
  type: string;
  data: unknown[];
  stack?: string;
  yAxisIndex?: number;
  itemStyle?: { color?: string };
  lineStyle?: { color?: string; type?: string };
  label?: { show?: boolean; formatter: Formatter<object> };
  markLine?: { data: unknown[]; label: { formatter: Formatter<object> }; lineStyle: object };
  [key: string]: unknown;
}

export interface TestAxis {
  type: string;
  name?: string;
  data?: string[];
  axisLabel: { formatter: Formatter<number>; hideOverlap?: boolean };
  axisPointer?: { label: { formatter: Formatter<{ value: unknown }> } };
  [key: string]: unknown;
}

export interface TestOption {
  series: TestSeries[];
  xAxis: TestAxis;
  yAxis: TestAxis;
  tooltip: { trigger: string; valueFormatter: Formatter<unknown>; formatter: Formatter<object> };
  legend: object;
  grid: object;
  visualMap: { max: number; formatter: Formatter<number>; [key: string]: unknown };
  [key: string]: unknown;
}

/** buildChartOption for a chart type that ECharts draws; fails the test on null. */
export function build(vizType: VizType, res: Pick<QueryResult, "columns" | "rows">, config: VizConfig = {}): { option: TestOption; notes: string[] } {
  const built = buildChartOption(vizType, res, config);
  if (!built) throw new Error(`${vizType} built no option`);
  return { option: built.option as unknown as TestOption, notes: built.notes };
}

/** The y axes of an option with a right axis. */
export const yAxes = (option: TestOption): TestAxis[] => option.yAxis as unknown as TestAxis[];
