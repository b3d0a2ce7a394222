// Cohort retention heatmaps: one row per cohort (e.g. signup week), one column per period since (0, 1, 2,
// ...), each cell the cohort's value in that period, or its share of the cohort's first period.
import type { EChartsOption, HeatmapSeriesOption } from "echarts";
import { categoryLabel, formatNumber, toNumber, valueFormatOf, type ValueFormatOptions } from "../format";
import { isTemporal } from "../infer-viz-type";
import type { ResolvedVizConfig } from "../resolve-viz-config";
import { autoDateFormat, formatDate, inferGrain, toEpochMs } from "../time";
import { axisName, baseOption, columnIndex, escapeHtml, formatCount, PERCENT, type BuiltChart, type ChartInput } from "./common";
import { MAX_COHORT_PERIODS, MAX_COHORTS } from "./sampling";

/** Light to dark of the palette's first blue: more retained, darker. */
export const COHORT_COLORS = ["#eef3fc", "#2f6fde"];
/** More cells than this cannot carry readable labels, and labelling them all is slow. */
export const MAX_LABELLED_CELLS = 1000;
const collator = new Intl.Collator("en", { numeric: true });

export function buildCohortChart(input: ChartInput, cfg: ResolvedVizConfig): BuiltChart {
  const notes: string[] = [];
  const table = capCohorts(readCohorts(input, cfg), notes);
  const { cohortLabels, periodLabels, raw } = table;
  const fmt = valueFormatOf(cfg);
  const cellFmt = cfg.cohortPercent ? PERCENT : fmt;

  // Each cell: [period index, cohort index, shown value]. A share needs the cohort's first-period value.
  const cells: [number, number, number][] = [];
  raw.forEach((row, c) => {
    const base = row[0];
    row.forEach((v, p) => {
      if (v === undefined || v === null) return;
      if (!cfg.cohortPercent) cells.push([p, c, v]);
      else if (base) cells.push([p, c, v / base]);
    });
  });
  const max = cells.reduce((m, cell) => Math.max(m, cell[2]), 0);
  const labelled = cfg.dataLabels && cells.length <= MAX_LABELLED_CELLS;
  if (cfg.dataLabels && !labelled) notes.push(`Cell values are shown on hover: ${formatCount(cells.length)} cells are too many to label`);

  const series: HeatmapSeriesOption = {
    name: cfg.y[0] ?? "",
    type: "heatmap",
    data: cells,
    label: {
      show: labelled,
      formatter: (p: { value?: unknown }) => formatCell(p.value, cellFmt, { compact: true }),
    },
    itemStyle: { borderColor: "#ffffff", borderWidth: 1 },
  };
  const option = {
    ...baseOption(),
    tooltip: {
      trigger: "item",
      formatter: (p: { value?: unknown }) => cellTooltip(p.value, table, cfg, fmt),
    },
    grid: { left: 8, right: 16, top: 16, bottom: 48, outerBoundsMode: "same", outerBoundsContain: "all" },
    // Periods run left to right, cohorts top to bottom, oldest first: the familiar retention triangle.
    xAxis: { type: "category", ...axisName(cfg.yAxis.title ?? cfg.series), data: periodLabels, position: "top", splitArea: { show: false } },
    yAxis: { type: "category", ...axisName(cfg.xAxis.title), data: cohortLabels, inverse: true, splitArea: { show: false } },
    visualMap: {
      type: "continuous",
      dimension: 2,
      min: 0,
      max: max > 0 ? max : 1,
      calculable: false,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      itemHeight: 160,
      inRange: { color: COHORT_COLORS },
      formatter: (v: number) => formatNumber(v, cellFmt, { compact: true }),
    },
    series: [series],
  };
  return { option: option as EChartsOption, notes };
}

interface CohortTable {
  /** Cohorts are times (kept newest past the limit) rather than labels (kept first). */
  temporal: boolean;
  cohortLabels: string[];
  periodLabels: string[];
  /** raw[cohort][period]: the summed value of the rows for that cell. */
  raw: (number | null | undefined)[][];
}

/** Cohorts in time order (else first-seen order), periods in numeric (else natural text) order. */
function readCohorts(input: ChartInput, cfg: ResolvedVizConfig): CohortTable {
  const xi = columnIndex(input, cfg.x);
  const pi = columnIndex(input, cfg.series);
  const yi = columnIndex(input, cfg.y[0]);
  const xColumn = input.columns[xi];
  const temporal = xColumn !== undefined && isTemporal(xColumn);
  if (xi < 0 || pi < 0 || yi < 0) return { temporal, cohortLabels: [], periodLabels: [], raw: [] };

  const cohortKeys = new Map<string | number, number>();
  const periodKeys = new Map<string, number>();
  const cells: { c: number; p: number; v: number | null }[] = [];
  for (const row of input.rows) {
    const cohort = temporal ? toEpochMs(row[xi]) : categoryLabel(row[xi]);
    if (cohort === null) continue;
    const period = categoryLabel(row[pi]);
    if (!cohortKeys.has(cohort)) cohortKeys.set(cohort, cohortKeys.size);
    if (!periodKeys.has(period)) periodKeys.set(period, periodKeys.size);
    cells.push({ c: cohortKeys.get(cohort) as number, p: periodKeys.get(period) as number, v: toNumber(row[yi]) });
  }

  const cohorts = [...cohortKeys.keys()];
  const cohortOrder = cohorts.map((_, i) => i);
  if (temporal) cohortOrder.sort((a, b) => (cohorts[a] as number) - (cohorts[b] as number));
  const periods = [...periodKeys.keys()];
  const numeric = periods.every((p) => toNumber(p) !== null);
  const periodOrder = periods
    .map((_, i) => i)
    .sort((a, b) => (numeric ? (toNumber(periods[a]) as number) - (toNumber(periods[b]) as number) : collator.compare(periods[a], periods[b])));
  const cohortRank = rankOf(cohortOrder);
  const periodRank = rankOf(periodOrder);

  const raw: (number | null | undefined)[][] = cohorts.map(() => []);
  for (const { c, p, v } of cells) {
    const row = raw[cohortRank[c]];
    const at = periodRank[p];
    // Several rows for one cell add up (e.g. a result split by platform as well).
    row[at] = v === null ? (row[at] ?? null) : (row[at] ?? 0) + v;
  }

  const sortedTimes = temporal ? cohortOrder.map((i) => cohorts[i] as number) : [];
  const dateFmt = cfg.dateFormat !== "auto" ? cfg.dateFormat : autoDateFormat(inferGrain(sortedTimes), sortedTimes);
  return {
    temporal,
    cohortLabels: cohortOrder.map((i) => (temporal ? formatDate(cohorts[i] as number, dateFmt) : String(cohorts[i]))),
    periodLabels: periodOrder.map((i) => periods[i]),
    raw,
  };
}

/**
 * At most MAX_COHORTS × MAX_COHORT_PERIODS cells: the newest cohorts of a time series (the ones being
 * watched; text cohorts keep the first ones) and the first periods (the start of every cohort's curve,
 * which shares are measured against).
 */
function capCohorts(table: CohortTable, notes: string[]): CohortTable {
  const cohorts = table.cohortLabels.length;
  const periods = table.periodLabels.length;
  if (cohorts <= MAX_COHORTS && periods <= MAX_COHORT_PERIODS) return table;
  const from = cohorts > MAX_COHORTS && table.temporal ? cohorts - MAX_COHORTS : 0;
  const to = Math.min(cohorts, from + MAX_COHORTS);
  if (cohorts > MAX_COHORTS) {
    notes.push(`Showing the ${table.temporal ? "latest" : "first"} ${formatCount(MAX_COHORTS)} of ${formatCount(cohorts)} cohorts`);
  }
  if (periods > MAX_COHORT_PERIODS) notes.push(`Showing the first ${formatCount(MAX_COHORT_PERIODS)} of ${formatCount(periods)} periods`);
  return {
    temporal: table.temporal,
    cohortLabels: table.cohortLabels.slice(from, to),
    periodLabels: table.periodLabels.slice(0, MAX_COHORT_PERIODS),
    raw: table.raw.slice(from, to).map((row) => row.slice(0, MAX_COHORT_PERIODS)),
  };
}

/** rank[i] = where item i lands in `order`. */
function rankOf(order: number[]): number[] {
  const rank = new Array<number>(order.length);
  order.forEach((item, position) => (rank[item] = position));
  return rank;
}

function formatCell(value: unknown, fmt: ValueFormatOptions, opts: { compact?: boolean } = {}): string {
  const v = Array.isArray(value) ? toNumber(value[2]) : null;
  return v === null ? "" : formatNumber(v, fmt, opts);
}

/** "Jan 1, 2024 · period 2", then the value, and with shares the count behind it. HTML, so escaped. */
function cellTooltip(value: unknown, table: CohortTable, cfg: ResolvedVizConfig, fmt: ValueFormatOptions): string {
  if (!Array.isArray(value)) return "";
  const [p, c] = value as number[];
  const heading = `${escapeHtml(table.cohortLabels[c] ?? "")} · ${escapeHtml(cfg.series ?? "period")} ${escapeHtml(table.periodLabels[p] ?? "")}`;
  const raw = table.raw[c]?.[p];
  const rawText = raw === null || raw === undefined ? "–" : formatNumber(raw, fmt);
  const body = cfg.cohortPercent
    ? `${escapeHtml(formatCell(value, PERCENT))} (${escapeHtml(rawText)} of ${escapeHtml(formatNumber(table.raw[c]?.[0] ?? 0, fmt))})`
    : escapeHtml(rawText);
  return `${heading}<br/>${body}`;
}
