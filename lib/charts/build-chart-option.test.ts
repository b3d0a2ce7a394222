import { describe, expect, it } from "vitest";
import type { QueryResult, ResultColumn } from "@/lib/warehouse/types";
import { buildChartOption, PALETTE, TARGET_COLOR } from "./build-chart-option";

const col = (name: string, type: ResultColumn["type"], dbType: string = type): ResultColumn => ({ name, type, dbType });
const result = (columns: ResultColumn[], rows: unknown[][]): Pick<QueryResult, "columns" | "rows"> => ({ columns, rows });
const fn = expect.any(Function);
const textStyle = { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" };
const axisTooltip = { trigger: "axis", valueFormatter: fn };
const yAxis = { type: "value", axisLabel: { formatter: fn } };
const t = (iso: string) => Date.parse(iso);

describe("buildChartOption", () => {
  it("line over time, long rows turned wide, points sorted by time, with a dashed target", () => {
    const r = result(
      [col("week", "date"), col("client", "string", "text"), col("signups", "number", "int8"), col("target", "number", "int4")],
      [
        ["2024-01-08", "web", 12, 20],
        ["2024-01-01", "web", 10, 15],
        ["2024-01-01", "ios", "4", 15],
        ["2024-01-08", "ios", null, 20],
        [null, "web", 99, 99],
      ],
    );
    const option = buildChartOption("auto", r, { target: "target" });
    expect(option).toEqual({
      animation: false,
      useUTC: true,
      color: PALETTE,
      textStyle,
      tooltip: axisTooltip,
      legend: { show: true, type: "scroll", top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "time", axisLabel: { hideOverlap: true } },
      yAxis,
      series: [
        {
          name: "web",
          type: "line",
          showSymbol: true,
          data: [
            [t("2024-01-01T00:00:00Z"), 10],
            [t("2024-01-08T00:00:00Z"), 12],
          ],
        },
        {
          name: "ios",
          type: "line",
          showSymbol: true,
          data: [
            [t("2024-01-01T00:00:00Z"), 4],
            [t("2024-01-08T00:00:00Z"), null],
          ],
        },
        {
          name: "Target",
          type: "line",
          data: [
            [t("2024-01-01T00:00:00Z"), 15],
            [t("2024-01-08T00:00:00Z"), 20],
          ],
          symbol: "none",
          lineStyle: { type: "dashed", width: 2, color: TARGET_COLOR },
          itemStyle: { color: TARGET_COLOR },
          z: 3,
        },
      ],
    });
  });

  it("stacked bar over categories keeps the query's order and fills gaps with null", () => {
    const r = result(
      [col("country", "string", "text"), col("plan", "string", "text"), col("users", "number", "int8")],
      [
        ["US", "free", 5],
        ["DE", "free", 3],
        ["DE", "pro", 1],
        [null, "pro", 2],
      ],
    );
    const option = buildChartOption("bar", r, { stacked: true });
    expect(option).toEqual({
      animation: false,
      useUTC: true,
      color: PALETTE,
      textStyle,
      tooltip: axisTooltip,
      legend: { show: true, type: "scroll", top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: ["US", "DE", "NULL"], axisLabel: { hideOverlap: true } },
      yAxis,
      series: [
        { name: "free", type: "bar", data: [5, 3, null], stack: "total" },
        { name: "pro", type: "bar", data: [null, 1, 2], stack: "total" },
      ],
    });
  });

  it("area with several value columns, one series each, no legend for one series", () => {
    const r = result(
      [col("day", "timestamp", "timestamptz"), col("views", "number", "int8"), col("likes", "number", "int8")],
      [
        ["2024-03-01T00:00:00.000Z", 100, 7],
        ["2024-03-02T00:00:00.000Z", 120, 9],
      ],
    );
    const option = buildChartOption("area", r, { y: ["views", "likes"] });
    expect(option?.series).toEqual([
      {
        name: "views",
        type: "line",
        showSymbol: true,
        areaStyle: { opacity: 0.25 },
        data: [
          [t("2024-03-01T00:00:00Z"), 100],
          [t("2024-03-02T00:00:00Z"), 120],
        ],
      },
      {
        name: "likes",
        type: "line",
        showSymbol: true,
        areaStyle: { opacity: 0.25 },
        data: [
          [t("2024-03-01T00:00:00Z"), 7],
          [t("2024-03-02T00:00:00Z"), 9],
        ],
      },
    ]);
    const single = buildChartOption("line", r, { y: ["views"] });
    expect(single?.legend).toEqual({ show: false, type: "scroll", top: 0 });
    expect(single?.grid).toEqual({ left: 8, right: 16, top: 16, bottom: 8, containLabel: true });
  });

  it("number formats reach axis labels and tooltips", () => {
    const r = result([col("plan", "string", "text"), col("revenue", "number", "numeric")], [["pro", "1234.5"], ["plus", 2500000]]);
    const option = buildChartOption("bar", r, { format: "currency" }) as {
      yAxis: { axisLabel: { formatter: (v: number) => string } };
      tooltip: { valueFormatter: (v: unknown) => string };
      series: unknown[];
    };
    expect(option.series).toEqual([{ name: "revenue", type: "bar", data: [1234.5, 2500000] }]);
    expect(option.yAxis.axisLabel.formatter(2500000)).toBe("$2.5M");
    expect(option.tooltip.valueFormatter(1234.5)).toBe("$1,234.50");
    expect(option.tooltip.valueFormatter(null)).toBe("–");
  });

  it("scatter of two numbers", () => {
    const r = result([col("price", "number", "numeric"), col("sales", "number", "int8")], [[1.5, 10], [2, null], [3, 30]]);
    expect(buildChartOption("auto", r, {})).toEqual({
      animation: false,
      useUTC: true,
      color: PALETTE,
      textStyle,
      tooltip: { trigger: "item" },
      legend: { show: false, type: "scroll", top: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: "value", name: "price", nameLocation: "middle", nameGap: 28, scale: true },
      yAxis: { type: "value", name: "sales", scale: true, axisLabel: { formatter: fn } },
      series: [{ name: "sales", type: "scatter", symbolSize: 8, data: [[1.5, 10], [3, 30]] }],
    });
  });

  it("pie of a category and a value", () => {
    const r = result([col("client", "string", "text"), col("sessions", "number", "int8")], [["web", 60], ["ios", 30], ["android", null]]);
    expect(buildChartOption("pie", r, { format: "percent" })).toEqual({
      animation: false,
      useUTC: true,
      color: PALETTE,
      textStyle,
      tooltip: { trigger: "item", valueFormatter: fn },
      legend: { show: true, type: "scroll", top: 0 },
      series: [
        {
          name: "sessions",
          type: "pie",
          radius: ["40%", "70%"],
          center: ["50%", "55%"],
          data: [
            { name: "web", value: 60 },
            { name: "ios", value: 30 },
          ],
          label: { formatter: "{b}: {d}%" },
        },
      ],
    });
  });

  it("number and table are drawn in HTML", () => {
    const r = result([col("n", "number", "int8")], [[1]]);
    expect(buildChartOption("auto", r)).toBeNull();
    expect(buildChartOption("table", r)).toBeNull();
  });
});
