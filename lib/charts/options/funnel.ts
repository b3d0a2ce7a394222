// Funnel charts: stages in the query's order (visitor → signup → active → paid) unless sorted, each labelled
// with its value and its share of the first stage.
import type { EChartsOption, FunnelSeriesOption } from "echarts";
import { formatNumber, valueFormatOf, type ValueFormatOptions } from "../format";
import type { ResolvedVizConfig } from "../resolve-viz-config";
import { baseOption, escapeHtml, formatCount, legendOption, legendPosition, PERCENT, type BuiltChart, type ChartInput } from "./common";
import { assignSeriesColors } from "./palette";
import { MAX_FUNNEL_STAGES } from "./sampling";
import { readSlices, sortSlices } from "./slices";

export function buildFunnelChart(input: ChartInput, cfg: ResolvedVizConfig): BuiltChart {
  const read = sortSlices(readSlices(input, cfg), cfg.sort);
  const notes: string[] = [];
  // A funnel is read from its first stage on, so past the limit the first stages are the ones kept.
  const stages = read.slice(0, MAX_FUNNEL_STAGES);
  if (read.length > stages.length) notes.push(`Showing the first ${formatCount(stages.length)} of ${formatCount(read.length)} stages`);
  const first = stages[0]?.value ?? 0;
  const fmt = valueFormatOf(cfg);
  const colors = assignSeriesColors(
    stages.map((s) => s.name),
    cfg.colors,
  );
  // A funnel of one series names its stages on the stages themselves; a legend only on request.
  const position = cfg.legend === "auto" ? "none" : legendPosition(cfg.legend, stages.length);
  const share = (value: number, of: number | undefined) => (of ? formatNumber(value / of, PERCENT) : "–");

  const series: FunnelSeriesOption = {
    name: cfg.y[0] ?? "",
    type: "funnel",
    // The stages' order (the query's, or the chart's sort) is the funnel's order, even where a later stage is larger.
    sort: "none",
    // ECharts scales widths between min and max, and max defaults to 100.
    min: 0,
    max: stages.reduce((m, s) => Math.max(m, s.value), 0),
    minSize: "0%",
    maxSize: "100%",
    // Labels sit to the right of the funnel, dark on white: inside, they would be unreadable on light
    // stages and overflow the narrow ones.
    left: "5%",
    width: "60%",
    top: position === "top" ? 40 : 16,
    bottom: position === "bottom" ? 40 : 16,
    gap: 2,
    data: stages.map((s) => ({ name: s.name, value: s.value, itemStyle: { color: colors.get(s.name) as string } })),
    label: {
      show: cfg.dataLabels,
      position: "right",
      formatter: (p: { name?: string; value?: unknown }) => `${p.name ?? ""}: ${formatNumber(Number(p.value), fmt, { compact: true })} (${share(Number(p.value), first)})`,
    },
  };
  const option = {
    ...baseOption(),
    tooltip: {
      trigger: "item",
      formatter: (p: { dataIndex?: number; marker?: unknown }) => stageTooltip(stages, p.dataIndex ?? 0, typeof p.marker === "string" ? p.marker : "", fmt, share),
    },
    legend: legendOption(position),
    series: [series],
  };
  return { option: option as EChartsOption, notes };
}

/** "Signup: 1,234 · 45.6% of first · 80% of previous". HTML, so stage names are escaped. */
function stageTooltip(
  stages: { name: string; value: number }[],
  index: number,
  marker: string,
  fmt: ValueFormatOptions,
  share: (value: number, of: number | undefined) => string,
): string {
  const stage = stages[index];
  if (!stage) return "";
  const lines = [`${marker}${escapeHtml(stage.name)}: ${escapeHtml(formatNumber(stage.value, fmt))}`];
  if (index > 0) {
    lines.push(`${share(stage.value, stages[0].value)} of first stage`);
    lines.push(`${share(stage.value, stages[index - 1].value)} of previous stage`);
  }
  return lines.join("<br/>");
}
