// One whole-option comparison per option builder: small realistic rows and a configuration in, the exact
// ECharts option out (functions are checked by calling them). The other tests in this folder look at
// single features; these catch anything a builder adds or drops that those do not look at.
import { describe, expect, it } from "vitest";
import { buildChartOption } from "../build-chart-option";
import { PALETTE } from "./palette";
import { col, result, utc, type TestOption } from "./testing";

const fn = expect.any(Function);
const base = {
  animation: false,
  useUTC: true,
  color: PALETTE,
  textStyle: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" },
  aria: { enabled: true, decal: { show: false } },
};
const legendTop = { show: true, type: "scroll", top: 0, left: "center" };
const gridNoLegend = { left: 8, right: 16, top: 16, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "all" };
const gridLegendTop = { ...gridNoLegend, top: 36 };
const timeAxis = { type: "time", axisLabel: { hideOverlap: true }, axisPointer: { label: { formatter: fn } } };
const valueAxis = { type: "value", axisLabel: { formatter: fn } };
const percentAxis = { type: "value", min: 0, max: 1, axisLabel: { formatter: fn } };
const barTooltip = { trigger: "axis", valueFormatter: fn, axisPointer: { type: "shadow" } };
const lineOf = (color: string) => ({ itemStyle: { color }, lineStyle: { color }, showSymbol: true, connectNulls: false });

const weekly = (rows: unknown[][]) => result([col("week", "date"), col("client", "string", "text"), col("sessions", "number", "int8")], rows);
const byCountry = (rows: unknown[][]) => result([col("country", "string", "text"), col("plan", "string", "text"), col("users", "number", "int8")], rows);
const byCategory = (rows: unknown[][]) => result([col("category", "string", "text"), col("uploads", "number", "int8"), col("sales", "number", "int8")], rows);

/** The built option, read through the test shape so its functions can be called. */
function optionOf(vizType: Parameters<typeof buildChartOption>[0], r: ReturnType<typeof result>, cfg: Parameters<typeof buildChartOption>[2]) {
  const built = buildChartOption(vizType, r, cfg);
  return { built, option: built?.option as unknown as TestOption };
}

describe("exact ECharts options", () => {
  it("line: a weekly series with the missing week left as a gap and a titled y axis", () => {
    const r = result(
      [col("week", "date"), col("signups", "number", "int8")],
      [
        ["2024-01-01", 120],
        ["2024-01-08", 135],
        ["2024-01-22", 150],
      ],
    );
    const { built, option } = optionOf("line", r, { yAxis: { title: "Signups" } });
    expect(built).toEqual({
      notes: [],
      option: {
        ...base,
        tooltip: { trigger: "axis", valueFormatter: fn },
        legend: { show: false },
        grid: gridNoLegend,
        xAxis: timeAxis,
        yAxis: { type: "value", name: "Signups", nameLocation: "middle", nameGap: 12, axisLabel: { formatter: fn } },
        series: [
          {
            type: "line",
            name: "signups",
            data: [
              [utc("2024-01-01"), 120],
              [utc("2024-01-08"), 135],
              [utc("2024-01-15"), null],
              [utc("2024-01-22"), 150],
            ],
            ...lineOf("#2f6fde"),
          },
        ],
      },
    });
    expect(option.xAxis.axisPointer?.label.formatter({ value: utc("2024-01-15") })).toBe("Jan 15, 2024");
    expect(option.yAxis.axisLabel.formatter(1500)).toBe("1.5K");
    expect(option.tooltip.valueFormatter(135)).toBe("135");
  });

  it("area, stacked: long rows split by client, each area filled", () => {
    const r = weekly([
      ["2024-01-01", "web", 300],
      ["2024-01-01", "ios", 100],
      ["2024-01-08", "web", 320],
      ["2024-01-08", "ios", 140],
    ]);
    const area = (color: string) => ({ ...lineOf(color), stack: "total", areaStyle: { color, opacity: 0.7 } });
    expect(buildChartOption("area", r, { stacking: "stacked" })).toEqual({
      notes: [],
      option: {
        ...base,
        tooltip: { trigger: "axis", valueFormatter: fn },
        legend: legendTop,
        grid: gridLegendTop,
        xAxis: timeAxis,
        yAxis: valueAxis,
        series: [
          {
            type: "line",
            name: "web",
            data: [
              [utc("2024-01-01"), 300],
              [utc("2024-01-08"), 320],
            ],
            ...area("#14a3b8"),
          },
          {
            type: "line",
            name: "ios",
            data: [
              [utc("2024-01-01"), 100],
              [utc("2024-01-08"), 140],
            ],
            ...area("#8c564b"),
          },
        ],
      },
    });
  });

  it("bar, vertical grouped: two value columns side by side per plan", () => {
    const r = result(
      [col("plan", "string", "text"), col("new_purchases", "number", "int8"), col("renewals", "number", "int8")],
      [
        ["plus", 40, 25],
        ["pro", 12, 30],
      ],
    );
    expect(buildChartOption("bar", r, {})).toEqual({
      notes: [],
      option: {
        ...base,
        tooltip: barTooltip,
        legend: legendTop,
        grid: gridLegendTop,
        xAxis: { type: "category", data: ["plus", "pro"], axisLabel: { hideOverlap: true } },
        yAxis: valueAxis,
        series: [
          { type: "bar", name: "new_purchases", data: [40, 12], itemStyle: { color: "#8c564b" } },
          { type: "bar", name: "renewals", data: [25, 30], itemStyle: { color: "#7fb800" } },
        ],
      },
    });
  });

  it("bar, vertical stacked with data labels inside the segments", () => {
    const r = byCountry([
      ["US", "free", 500],
      ["US", "pro", 50],
      ["DE", "free", 200],
      ["DE", "pro", 30],
    ]);
    const { built, option } = optionOf("bar", r, { stacking: "stacked", dataLabels: true });
    const label = { show: true, position: "inside", formatter: fn };
    expect(built).toEqual({
      notes: [],
      option: {
        ...base,
        tooltip: barTooltip,
        legend: legendTop,
        grid: gridLegendTop,
        xAxis: { type: "category", data: ["US", "DE"], axisLabel: { hideOverlap: true } },
        yAxis: valueAxis,
        series: [
          { type: "bar", name: "free", data: [500, 200], itemStyle: { color: "#7fb800" }, stack: "total", label, labelLayout: { hideOverlap: true } },
          { type: "bar", name: "pro", data: [50, 30], itemStyle: { color: "#8c564b" }, stack: "total", label, labelLayout: { hideOverlap: true } },
        ],
      },
    });
    expect(option.series[0].label?.formatter({ value: 500 })).toBe("500");
  });

  it("bar, vertical 100 %: shares of each country's total on a 0–100 % axis", () => {
    const r = byCountry([
      ["US", "free", 300],
      ["US", "pro", 100],
      ["DE", "free", 150],
      ["DE", "pro", 50],
    ]);
    const { built, option } = optionOf("bar", r, { stacking: "percent" });
    expect(built).toEqual({
      notes: [],
      option: {
        ...base,
        tooltip: barTooltip,
        legend: legendTop,
        grid: gridLegendTop,
        xAxis: { type: "category", data: ["US", "DE"], axisLabel: { hideOverlap: true } },
        yAxis: percentAxis,
        series: [
          { type: "bar", name: "free", data: [0.75, 0.75], itemStyle: { color: "#7fb800" }, stack: "total" },
          { type: "bar", name: "pro", data: [0.25, 0.25], itemStyle: { color: "#8c564b" }, stack: "total" },
        ],
      },
    });
    expect(option.yAxis.axisLabel.formatter(0.75)).toBe("75%");
    expect(option.tooltip.valueFormatter(0.25)).toBe("25%");
  });

  const categories = [
    ["Nature", 900, 40],
    ["Travel", 600, 55],
  ];
  const horizontal = (series: object[], xAxis: object = valueAxis) => ({
    notes: [],
    option: {
      ...base,
      tooltip: barTooltip,
      legend: legendTop,
      grid: gridLegendTop,
      xAxis,
      yAxis: { type: "category", data: ["Nature", "Travel"], axisLabel: { hideOverlap: true }, inverse: true },
      series,
    },
  });

  it("bar, horizontal grouped", () => {
    expect(buildChartOption("bar", byCategory(categories), { orientation: "horizontal" })).toEqual(
      horizontal([
        { type: "bar", name: "uploads", data: [900, 600], itemStyle: { color: "#7fb800" } },
        { type: "bar", name: "sales", data: [40, 55], itemStyle: { color: "#14a3b8" } },
      ]),
    );
  });

  it("bar, horizontal stacked", () => {
    expect(buildChartOption("bar", byCategory(categories), { orientation: "horizontal", stacking: "stacked" })).toEqual(
      horizontal([
        { type: "bar", name: "uploads", data: [900, 600], itemStyle: { color: "#7fb800" }, stack: "total" },
        { type: "bar", name: "sales", data: [40, 55], itemStyle: { color: "#14a3b8" }, stack: "total" },
      ]),
    );
  });

  it("bar, horizontal 100 %: the share axis runs along x", () => {
    const r = byCategory([
      ["Nature", 900, 100],
      ["Travel", 600, 400],
    ]);
    expect(buildChartOption("bar", r, { orientation: "horizontal", stacking: "percent" })).toEqual(
      horizontal(
        [
          { type: "bar", name: "uploads", data: [0.9, 0.6], itemStyle: { color: "#7fb800" }, stack: "total" },
          { type: "bar", name: "sales", data: [0.1, 0.4], itemStyle: { color: "#14a3b8" }, stack: "total" },
        ],
        percentAxis,
      ),
    );
  });

  it("combo: revenue bars on the left in dollars, the conversion line on a titled right axis in percent", () => {
    const r = result(
      [col("month", "date"), col("revenue", "number", "numeric"), col("conversion_rate", "number", "float8")],
      [
        ["2024-01-01", "1200.5", 0.031],
        ["2024-02-01", "1500", 0.042],
      ],
    );
    const { built, option } = optionOf("combo", r, {
      rightAxisColumns: ["conversion_rate"],
      yAxis: { title: "Revenue" },
      rightAxis: { title: "Conversion", format: "percent" },
      format: "currency",
    });
    const title = (name: string) => ({ name, nameLocation: "middle", nameGap: 12 });
    expect(built).toEqual({
      notes: [],
      option: {
        ...base,
        tooltip: { trigger: "axis", valueFormatter: fn },
        legend: legendTop,
        grid: gridLegendTop,
        xAxis: timeAxis,
        yAxis: [
          { type: "value", ...title("Revenue"), axisLabel: { formatter: fn } },
          { type: "value", ...title("Conversion"), position: "right", splitLine: { show: false }, axisLabel: { formatter: fn } },
        ],
        series: [
          {
            type: "bar",
            name: "revenue",
            data: [
              [utc("2024-01-01"), 1200.5],
              [utc("2024-02-01"), 1500],
            ],
            itemStyle: { color: "#14a3b8" },
          },
          {
            type: "line",
            name: "conversion_rate",
            data: [
              [utc("2024-01-01"), 0.031],
              [utc("2024-02-01"), 0.042],
            ],
            yAxisIndex: 1,
            tooltip: { valueFormatter: fn },
            ...lineOf("#8c564b"),
          },
        ],
      },
    });
    const [left, right] = option.yAxis as unknown as TestOption["yAxis"][];
    expect(left.axisLabel.formatter(1500)).toBe("$1.5K");
    expect(right.axisLabel.formatter(0.04)).toBe("4%");
    expect(option.tooltip.valueFormatter(1200.5)).toBe("$1,200.50");
    expect((option.series[1].tooltip as { valueFormatter: (v: unknown) => string }).valueFormatter(0.042)).toBe("4.2%");
  });

  it("scatter: one point per row, both axes titled with their columns", () => {
    const r = result(
      [col("sessions", "number", "int8"), col("uploads", "number", "int8")],
      [
        [10, 2],
        [25, 7],
        [40, 9],
      ],
    );
    const { built, option } = optionOf("scatter", r, {});
    expect(built).toEqual({
      notes: [],
      option: {
        ...base,
        tooltip: { trigger: "item", formatter: fn },
        legend: { show: false },
        grid: gridNoLegend,
        xAxis: { type: "value", name: "sessions", nameLocation: "middle", nameGap: 12, scale: true, axisLabel: { hideOverlap: true, formatter: fn } },
        yAxis: { type: "value", name: "uploads", nameLocation: "middle", nameGap: 12, axisLabel: { formatter: fn }, scale: true },
        series: [
          {
            name: "uploads",
            type: "scatter",
            itemStyle: { color: "#7fb800" },
            symbolSize: 8,
            data: [
              [10, 2],
              [25, 7],
              [40, 9],
            ],
          },
        ],
      },
    });
    expect(option.tooltip.formatter({ seriesIndex: 0, seriesName: "uploads", marker: "", value: [25, 7] })).toBe("uploads<br/>sessions: 25<br/>uploads: 7");
  });

  it("bubble: one series per country, area proportional to sellers (0 draws the smallest bubble)", () => {
    const r = result(
      [col("country", "string", "text"), col("users", "number", "int8"), col("revenue", "number", "numeric"), col("sellers", "number", "int8")],
      [
        ["US", 500, "900", 100],
        ["DE", 200, "300", 25],
        ["FR", 150, "250", 0],
      ],
    );
    const bubble = (name: string, color: string, value: number[], symbolSize: number) => ({
      name,
      type: "scatter",
      itemStyle: { color, opacity: 0.7 },
      data: [{ value, symbolSize }],
    });
    expect(buildChartOption("bubble", r, { series: "country" })).toEqual({
      notes: [],
      option: {
        ...base,
        tooltip: { trigger: "item", formatter: fn },
        legend: legendTop,
        grid: gridLegendTop,
        xAxis: { type: "value", name: "users", nameLocation: "middle", nameGap: 12, scale: true, axisLabel: { hideOverlap: true, formatter: fn } },
        yAxis: { type: "value", name: "revenue", nameLocation: "middle", nameGap: 12, axisLabel: { formatter: fn }, scale: true },
        series: [
          bubble("US", "#e0679f", [500, 900, 100], 40),
          // √(25/100) × 40 px.
          bubble("DE", "#8c564b", [200, 300, 25], 20),
          bubble("FR", "#7fb800", [150, 250, 0], 4),
        ],
      },
    });
  });

  it("pie: slices in query order with percentage labels", () => {
    const r = result(
      [col("client", "string", "text"), col("signups", "number", "int8")],
      [
        ["web", 600],
        ["ios", 300],
        ["android", 100],
      ],
    );
    const { built, option } = optionOf("pie", r, {});
    expect(built).toEqual({
      notes: [],
      option: {
        ...base,
        tooltip: { trigger: "item", valueFormatter: fn },
        legend: legendTop,
        series: [
          {
            name: "signups",
            type: "pie",
            radius: [0, "70%"],
            center: ["50%", "55%"],
            data: [
              { name: "web", value: 600, itemStyle: { color: "#14a3b8" } },
              { name: "ios", value: 300, itemStyle: { color: "#8c564b" } },
              { name: "android", value: 100, itemStyle: { color: "#1f9d6b" } },
            ],
            label: { show: true, formatter: fn },
            labelLine: { show: true },
          },
        ],
      },
    });
    expect(option.series[0].label?.formatter({ name: "web", percent: 60 })).toBe("web: 60%");
  });

  it("donut: an empty centre (inner radius), legend on the right, currency tooltips", () => {
    const r = result(
      [col("plan", "string", "text"), col("revenue", "number", "numeric")],
      [
        ["plus", "2000"],
        ["pro", "6000"],
      ],
    );
    const { built, option } = optionOf("donut", r, { format: "currency", legend: "right" });
    expect(built).toEqual({
      notes: [],
      option: {
        ...base,
        tooltip: { trigger: "item", valueFormatter: fn },
        legend: { show: true, type: "scroll", orient: "vertical", right: 0, top: "middle" },
        series: [
          {
            name: "revenue",
            type: "pie",
            radius: ["45%", "70%"],
            center: ["40%", "50%"],
            data: [
              { name: "plus", value: 2000, itemStyle: { color: "#7fb800" } },
              { name: "pro", value: 6000, itemStyle: { color: "#8c564b" } },
            ],
            label: { show: true, formatter: fn },
            labelLine: { show: true },
          },
        ],
      },
    });
    expect(option.tooltip.valueFormatter(6000)).toBe("$6,000");
  });

  it("funnel: stages in query order, widths against the largest, labelled with their share of the first", () => {
    const r = result(
      [col("stage", "string", "text"), col("users", "number", "int8")],
      [
        ["Visitor", 1000],
        ["Signup", 400],
        ["Active", 200],
        ["Paid", 50],
      ],
    );
    const { built, option } = optionOf("funnel", r, {});
    expect(built).toEqual({
      notes: [],
      option: {
        ...base,
        tooltip: { trigger: "item", formatter: fn },
        legend: { show: false },
        series: [
          {
            name: "users",
            type: "funnel",
            sort: "none",
            min: 0,
            max: 1000,
            minSize: "0%",
            maxSize: "100%",
            left: "5%",
            width: "60%",
            top: 16,
            bottom: 16,
            gap: 2,
            data: [
              { name: "Visitor", value: 1000, itemStyle: { color: "#14a3b8" } },
              { name: "Signup", value: 400, itemStyle: { color: "#e0679f" } },
              { name: "Active", value: 200, itemStyle: { color: "#f08a24" } },
              { name: "Paid", value: 50, itemStyle: { color: "#7fb800" } },
            ],
            label: { show: true, position: "right", formatter: fn },
          },
        ],
      },
    });
    expect(option.series[0].label?.formatter({ name: "Paid", value: 50 })).toBe("Paid: 50 (5%)");
    expect(option.tooltip.formatter({ dataIndex: 2, marker: "" })).toBe("Active: 200<br/>20% of first stage<br/>50% of previous stage");
  });

  it("cohort: a retention triangle of shares of each cohort's first week", () => {
    const r = result(
      [col("signup_week", "date"), col("week_number", "number", "int4"), col("active_users", "number", "int8")],
      [
        ["2024-01-01", 0, 100],
        ["2024-01-01", 1, 40],
        ["2024-01-08", 0, 80],
      ],
    );
    const { built, option } = optionOf("cohort", r, { cohortPercent: true });
    expect(built).toEqual({
      notes: [],
      option: {
        ...base,
        tooltip: { trigger: "item", formatter: fn },
        grid: { left: 8, right: 16, top: 16, bottom: 48, outerBoundsMode: "same", outerBoundsContain: "all" },
        xAxis: { type: "category", name: "week_number", nameLocation: "middle", nameGap: 12, data: ["0", "1"], position: "top", splitArea: { show: false } },
        yAxis: { type: "category", data: ["Jan 1, 2024", "Jan 8, 2024"], inverse: true, splitArea: { show: false } },
        visualMap: {
          type: "continuous",
          dimension: 2,
          min: 0,
          max: 1,
          calculable: false,
          orient: "horizontal",
          left: "center",
          bottom: 0,
          itemHeight: 160,
          inRange: { color: ["#eef3fc", "#2f6fde"] },
          formatter: fn,
        },
        series: [
          {
            name: "active_users",
            type: "heatmap",
            data: [
              [0, 0, 1],
              [1, 0, 0.4],
              [0, 1, 1],
            ],
            label: { show: true, formatter: fn },
            itemStyle: { borderColor: "#ffffff", borderWidth: 1 },
          },
        ],
      },
    });
    expect(option.series[0].label?.formatter({ value: [1, 0, 0.4] })).toBe("40%");
    expect(option.tooltip.formatter({ value: [1, 0, 0.4] })).toBe("Jan 1, 2024 · week_number 1<br/>40% (40 of 100)");
  });
});
