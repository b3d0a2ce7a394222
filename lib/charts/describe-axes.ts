// The axis titles of a drawn chart as one sentence for screen readers ("X axis: Week. Left axis: Sessions.
// Right axis: Sessions per active member."): ECharts' own description names the series but not the axes.
import type { EChartsOption } from "echarts";

type AxisLike = { name?: unknown; position?: unknown };

const listOf = (axes: unknown): AxisLike[] => (Array.isArray(axes) ? axes : axes ? [axes] : []) as AxisLike[];

export function describeAxes(option: EChartsOption): string {
  const parts: string[] = [];
  for (const axis of listOf(option.xAxis)) if (typeof axis.name === "string" && axis.name) parts.push(`X axis: ${axis.name}.`);
  const ys = listOf(option.yAxis);
  for (const axis of ys) {
    if (typeof axis.name !== "string" || !axis.name) continue;
    const side = ys.length > 1 ? (axis.position === "right" ? "Right axis" : "Left axis") : "Y axis";
    parts.push(`${side}: ${axis.name}.`);
  }
  return parts.join(" ");
}
