// Every builder's option is drawn by ECharts itself (server-side, to SVG) with only the modules the chart
// view registers, so an option that needs an unregistered component or that ECharts rejects fails here
// rather than in a browser or a snapshot.
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildChartOption } from "../build-chart-option";
import { ECHARTS_MODULES } from "../echarts-modules";
import type { VizConfig, VizType } from "../types";
import { col, result } from "./testing";

// The chart view's modules, with the SVG renderer standing in for canvas.
echarts.use([...ECHARTS_MODULES, SVGRenderer]);

const days = Array.from({ length: 20 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
const timeSeries = result(
  [col("day", "date"), col("client", "string"), col("sessions", "number"), col("target", "number")],
  days.flatMap((d, i) => (i === 7 ? [] : [[d, "web", 100 + i, 120] as unknown[], [d, "ios", 50 + i, 120]])),
);
const categories = result(
  [col("country", "string"), col("users", "number"), col("revenue", "number"), col("conversion", "number")],
  [
    ["US", 1200, 50_000, 0.12],
    ["DE", 300, 9_000, 0.08],
    ["FR", 450, 12_500, 0.1],
  ],
);
const cohorts = result(
  [col("signup_week", "date"), col("week", "number", "int4"), col("users", "number", "int8")],
  [
    ["2024-01-01", 0, 200],
    ["2024-01-01", 1, 80],
    ["2024-01-08", 0, 150],
  ],
);

/** [what, type, result, settings, a text the drawn chart must show] */
const cases: [string, VizType, ReturnType<typeof result>, VizConfig, string][] = [
  ["line with target, gaps, labels", "line", timeSeries, { dateFormat: "day", dataLabels: true, legend: "bottom", yAxis: { title: "Sessions" } }, "Sessions"],
  ["100 % area", "area", timeSeries, { stacking: "percent", gaps: "zero" }, "100%"],
  ["stacked bars on time", "bar", timeSeries, { stacking: "stacked", targetValue: 150 }, "Target"],
  ["horizontal bars", "bar", categories, { orientation: "horizontal", dataLabels: true, targetValue: 500, y: ["users"] }, ">1.2K<"],
  ["combo with right axis", "combo", categories, { y: ["revenue", "conversion"], rightAxisColumns: ["conversion"], rightAxis: { title: "Conversion" } }, "Conversion"],
  ["log axis", "line", result([col("x", "number"), col("y", "number")], [[1, 10], [2, 0], [3, 1000]]), { yAxis: { log: true } }, ">1K<"],
  ["scatter", "scatter", categories, { x: "users", y: ["revenue"], series: "country" }, ">users<"],
  ["bubble", "bubble", categories, { format: "currency" }, ">revenue<"],
  ["pie", "pie", categories, { legend: "right" }, "US: 61.5%"],
  ["donut", "donut", categories, {}, "DE: 15.4%"],
  ["funnel", "funnel", categories, {}, "DE: 300 (25%)"],
  ["cohort", "cohort", cohorts, { cohortPercent: true }, ">40%<"],
];

describe("options render with the registered ECharts modules", () => {
  let complaints: unknown[][] = [];
  beforeEach(() => {
    complaints = [];
    vi.spyOn(console, "error").mockImplementation((...args) => void complaints.push(args));
    vi.spyOn(console, "warn").mockImplementation((...args) => void complaints.push(args));
  });
  afterEach(() => vi.restoreAllMocks());

  it.each(cases)("%s", (_label, vizType, res, config, text) => {
    const built = buildChartOption(vizType, res, config);
    expect(built).not.toBeNull();
    const chart = echarts.init(null, undefined, { renderer: "svg", ssr: true, width: 640, height: 360 });
    try {
      chart.setOption(built!.option);
      const svg = chart.renderToSVGString();
      expect(svg).toContain(text);
    } finally {
      chart.dispose();
    }
    expect(complaints).toEqual([]);
  });
});
