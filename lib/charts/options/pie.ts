// Pie and donut charts: one slice per label, the smallest folded into "Other" when there are many.
import type { EChartsOption, PieSeriesOption } from "echarts";
import { formatNumber, formatValue, valueFormatOf } from "../format";
import type { ResolvedVizConfig } from "../resolve-viz-config";
import { baseOption, formatCount, legendOption, legendPosition, PERCENT, type BuiltChart, type ChartInput, type LegendPosition } from "./common";
import { assignSeriesColors, OTHER_COLOR } from "./palette";
import { MAX_PIE_SLICES } from "./sampling";
import { readSlices, sortSlices, type Slice } from "./slices";

export const OTHER_NAME = "Other";

/** Centre of the pie, moved away from the legend. */
const CENTER: Record<LegendPosition, [string, string]> = {
  none: ["50%", "50%"],
  top: ["50%", "55%"],
  bottom: ["50%", "45%"],
  right: ["40%", "50%"],
};

export function buildPieChart(type: "pie" | "donut", input: ChartInput, cfg: ResolvedVizConfig): BuiltChart {
  const notes: string[] = [];
  const read = readSlices(input, cfg);
  // A slice cannot be negative; dropping it is better than ECharts silently drawing its absolute value.
  const positive = read.filter((s) => s.value >= 0);
  if (positive.length < read.length) notes.push(`${formatCount(read.length - positive.length)} negative values are not shown`);
  const slices = foldSmallest(sortSlices(positive, cfg.sort), notes);

  const colors = assignSeriesColors(
    slices.filter((s) => s.name !== OTHER_NAME).map((s) => s.name),
    cfg.colors,
  );
  const fmt = valueFormatOf(cfg);
  const position = legendPosition(cfg.legend, slices.length);
  const series: PieSeriesOption = {
    name: cfg.y[0] ?? "",
    type: "pie",
    radius: type === "donut" ? ["45%", "70%"] : [0, "70%"],
    center: CENTER[position],
    data: slices.map((s) => ({
      name: s.name,
      value: s.value,
      itemStyle: { color: s.name === OTHER_NAME ? (cfg.colors[OTHER_NAME] ?? OTHER_COLOR) : (colors.get(s.name) as string) },
    })),
    label: {
      show: cfg.dataLabels,
      formatter: (p: { name?: string; percent?: number }) => `${p.name ?? ""}: ${formatNumber((p.percent ?? 0) / 100, PERCENT)}`,
    },
    labelLine: { show: cfg.dataLabels },
  };
  const option = {
    ...baseOption(),
    tooltip: { trigger: "item", valueFormatter: (v: unknown) => formatValue(v, fmt) },
    legend: legendOption(position),
    series: [series],
  };
  return { option: option as EChartsOption, notes };
}

/** The MAX_PIE_SLICES largest slices in their order, then one "Other" slice holding the rest. */
function foldSmallest(slices: Slice[], notes: string[]): Slice[] {
  if (slices.length <= MAX_PIE_SLICES) return slices;
  // Largest first; on equal values the earlier slice wins, so the choice is stable.
  const ranked = slices.map((s, i) => ({ s, i })).sort((a, b) => b.s.value - a.s.value || a.i - b.i);
  const kept = new Set(ranked.slice(0, MAX_PIE_SLICES).map((r) => r.i));
  const rest = slices.filter((_, i) => !kept.has(i));
  notes.push(`The ${formatCount(rest.length)} smallest of ${formatCount(slices.length)} slices are grouped as “${OTHER_NAME}”`);
  const restTotal = rest.reduce((sum, s) => sum + s.value, 0);
  const top = slices.filter((_, i) => kept.has(i));
  // A real "Other" among the largest takes the rest in, rather than two slices with one name.
  if (top.some((s) => s.name === OTHER_NAME)) return top.map((s) => (s.name === OTHER_NAME ? { ...s, value: s.value + restTotal } : s));
  return [...top, { name: OTHER_NAME, value: restTotal }];
}
