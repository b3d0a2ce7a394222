// Pieces every option builder shares: the deterministic base option, legend placement, value axes and the
// small helpers for reading result rows.
import type { EChartsOption, LegendComponentOption, YAXisComponentOption } from "echarts";
import type { QueryResult } from "@/lib/warehouse/types";
import { formatNumber, type ValueFormatOptions } from "../format";
import type { ResolvedVizConfig } from "../resolve-viz-config";
import { PALETTE } from "./palette";

export type ChartInput = Pick<QueryResult, "columns" | "rows">;

export interface BuiltChart {
  option: EChartsOption;
  /** Visible notes shown under the chart, e.g. "Showing 2,000 of 100,000 points (sampled)". */
  notes: string[];
}

export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const PERCENT: ValueFormatOptions = { format: "percent" };

/**
 * What every chart starts from. Snapshots must be pixel-stable, so: no animation, UTC time, a fixed
 * palette. Aria makes ECharts write a text description of the chart for screen readers; decal patterns
 * stay off because they would change how every chart looks.
 */
export function baseOption() {
  return {
    animation: false,
    useUTC: true,
    color: PALETTE,
    textStyle: { fontFamily: FONT_FAMILY },
    aria: { enabled: true, decal: { show: false } },
  };
}

export type LegendPosition = "top" | "bottom" | "right" | "none";

/** "auto" shows the legend on top when there is more than one thing to tell apart. */
export function legendPosition(setting: ResolvedVizConfig["legend"], entries: number): LegendPosition {
  if (setting === "auto") return entries > 1 ? "top" : "none";
  return setting;
}

export function legendOption(position: LegendPosition): LegendComponentOption {
  switch (position) {
    case "none":
      return { show: false };
    case "top":
      return { show: true, type: "scroll", top: 0, left: "center" };
    case "bottom":
      return { show: true, type: "scroll", bottom: 0, left: "center" };
    case "right":
      return { show: true, type: "scroll", orient: "vertical", right: 0, top: "middle" };
  }
}

/**
 * The plot area, leaving room for the legend. Axis labels and titles are kept inside it by ECharts
 * (outerBounds "same" + "all" replaces the deprecated containLabel, which ignored axis titles).
 */
export function gridOption(position: LegendPosition, extraBottom = 0) {
  return {
    left: 8,
    right: position === "right" ? 150 : 16,
    top: position === "top" ? 36 : 16,
    bottom: (position === "bottom" ? 36 : 8) + extraBottom,
    outerBoundsMode: "same" as const,
    outerBoundsContain: "all" as const,
  };
}

/** An axis title, placed along the middle of the axis, clear of its labels. */
export function axisName(title: string | undefined) {
  return title ? { name: title, nameLocation: "middle" as const, nameGap: 12 } : {};
}

/** A value (or log) axis with compact labels in the chart's format. */
export function valueAxis(
  settings: ResolvedVizConfig["yAxis"],
  fmt: ValueFormatOptions,
  options: { percent?: boolean; right?: boolean } = {},
): YAXisComponentOption {
  const percent = options.percent === true;
  const min = settings.min ?? (percent ? 0 : undefined);
  const max = settings.max ?? (percent ? 1 : undefined);
  return {
    // A 100 % axis is linear whatever the setting: shares of a whole do not span magnitudes.
    type: settings.log && !percent ? "log" : "value",
    ...axisName(settings.title),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(options.right ? { position: "right" as const, splitLine: { show: false } } : {}),
    axisLabel: { formatter: (v: number) => formatNumber(v, percent ? PERCENT : fmt, { compact: true }) },
  };
}

/** The index of a column by name, -1 when absent. */
export function columnIndex(input: ChartInput, name: string | undefined): number {
  return name === undefined ? -1 : input.columns.findIndex((c) => c.name === name);
}

/** The y of a label or tooltip parameter: the second coordinate of [x, y] data, else the value itself. */
export function yOfParam(param: { value?: unknown }): unknown {
  return Array.isArray(param.value) ? param.value[1] : param.value;
}

/** Counts in notes: "48,213". */
export function formatCount(n: number): string {
  return formatNumber(n, { format: "number", decimals: 0 });
}

/** Tooltips built by hand are HTML; names and values come from the warehouse. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
