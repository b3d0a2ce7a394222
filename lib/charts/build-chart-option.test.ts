import { describe, expect, it } from "vitest";
import { buildChartOption, PALETTE, seriesColor, TARGET_COLOR } from "./build-chart-option";
import { build, col, result, utc } from "./options/testing";

const fn = expect.any(Function);
const base = {
  animation: false,
  useUTC: true,
  color: PALETTE,
  textStyle: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" },
  aria: { enabled: true, decal: { show: false } },
};
const WEB = "#14a3b8";
const IOS = "#8c564b";

describe("buildChartOption", () => {
  it("line over time: long rows turned wide, points in time order, a dashed target, deterministic base", () => {
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
    expect(buildChartOption("auto", r, { target: "target" })).toEqual({
      notes: [],
      option: {
        ...base,
        tooltip: { trigger: "axis", valueFormatter: fn },
        legend: { show: true, type: "scroll", top: 0, left: "center" },
        grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "all" },
        xAxis: { type: "time", axisLabel: { hideOverlap: true }, axisPointer: { label: { formatter: fn } } },
        yAxis: { type: "value", axisLabel: { formatter: fn } },
        series: [
          {
            name: "web",
            type: "line",
            data: [
              [utc("2024-01-01"), 10],
              [utc("2024-01-08"), 12],
            ],
            itemStyle: { color: WEB },
            lineStyle: { color: WEB },
            showSymbol: true,
            connectNulls: false,
          },
          {
            name: "ios",
            type: "line",
            data: [
              [utc("2024-01-01"), 4],
              [utc("2024-01-08"), null],
            ],
            itemStyle: { color: IOS },
            lineStyle: { color: IOS },
            showSymbol: true,
            connectNulls: false,
          },
          {
            name: "Target",
            type: "line",
            data: [
              [utc("2024-01-01"), 15],
              [utc("2024-01-08"), 20],
            ],
            symbol: "none",
            connectNulls: true,
            lineStyle: { type: "dashed", width: 2, color: TARGET_COLOR },
            itemStyle: { color: TARGET_COLOR },
            z: 3,
          },
        ],
      },
    });
  });

  it("reads the legacy `stacked: true` as stacking: stacked; categories keep the query's order", () => {
    const r = result(
      [col("country", "string", "text"), col("plan", "string", "text"), col("users", "number", "int8")],
      [
        ["US", "free", 5],
        ["DE", "free", 3],
        ["DE", "pro", 1],
        [null, "pro", 2],
      ],
    );
    const { option } = build("bar", r, { stacked: true });
    expect(option.xAxis).toEqual({ type: "category", data: ["US", "DE", "NULL"], axisLabel: { hideOverlap: true } });
    expect(option.tooltip).toEqual({ trigger: "axis", valueFormatter: fn, axisPointer: { type: "shadow" } });
    expect(option.series).toEqual([
      { name: "free", type: "bar", data: [5, 3, null], itemStyle: { color: "#7fb800" }, stack: "total" },
      { name: "pro", type: "bar", data: [null, 1, 2], itemStyle: { color: IOS }, stack: "total" },
    ]);
    // The explicit setting wins over the legacy flag.
    expect(build("bar", r, { stacked: true, stacking: "none" }).option.series.map((s) => s.stack)).toEqual([undefined, undefined]);
  });

  it("a series keeps its colour on every chart, whatever else the chart shows", () => {
    const line = build(
      "line",
      result(
        [col("day", "date"), col("client", "string"), col("sessions", "number")],
        [
          ["2024-01-01", "android", 1],
          ["2024-01-01", "ios", 2],
          ["2024-01-01", "web", 3],
        ],
      ),
    );
    const pie = build(
      "pie",
      result(
        [col("client", "string"), col("users", "number")],
        [
          ["web", 5],
          ["desktop", 4],
        ],
      ),
    );
    const bar = build("bar", result([col("client", "string"), col("signups", "number")], [["ios", 5]]), { x: "client", series: "client" });
    const colorOf = (series: { name?: string; itemStyle?: { color?: string } }[], name: string) => series.find((s) => s.name === name)?.itemStyle?.color;
    expect(colorOf(line.option.series, "web")).toBe(WEB);
    expect((pie.option.series[0].data as { name: string; itemStyle: { color: string } }[]).find((d) => d.name === "web")?.itemStyle.color).toBe(WEB);
    expect(colorOf(line.option.series, "ios")).toBe(IOS);
    expect(colorOf(bar.option.series, "ios")).toBe(IOS);
    expect(seriesColor("web")).toBe(WEB);
    // A colour chosen in the settings wins.
    const custom = build("bar", result([col("client", "string"), col("signups", "number")], [["ios", 5]]), { colors: { signups: "#000000" } });
    expect(custom.option.series[0].itemStyle).toEqual({ color: "#000000" });
  });

  it("number formats reach axis labels and tooltips", () => {
    const r = result(
      [col("plan", "string", "text"), col("revenue", "number", "numeric")],
      [
        ["pro", "1234.5"],
        ["plus", 2500000],
      ],
    );
    const { option } = build("bar", r, { format: "currency", currency: "EUR", decimals: 1 });
    expect(option.series.map((s) => s.data)).toEqual([[1234.5, 2500000]]);
    expect(option.yAxis.axisLabel.formatter(2500000)).toBe("€2.5M");
    expect(option.tooltip.valueFormatter(1234.5)).toBe("€1,234.5");
    expect(option.tooltip.valueFormatter(null)).toBe("–");
  });

  it("routes every ECharts type to its builder and leaves number, table and pivot to HTML", () => {
    const r = result(
      [col("a", "string"), col("n", "number"), col("m", "number"), col("k", "number")],
      [
        ["x", 1, 2, 3],
        ["y", 4, 5, 6],
      ],
    );
    const typeOf = (t: Parameters<typeof build>[0]) => build(t, r).option.series.map((s) => s.type);
    expect(typeOf("line")).toEqual(["line", "line", "line"]);
    expect(typeOf("area")).toEqual(["line", "line", "line"]);
    expect(typeOf("bar")).toEqual(["bar", "bar", "bar"]);
    expect(typeOf("combo")).toEqual(["bar", "line", "line"]);
    expect(typeOf("scatter")).toEqual(["scatter", "scatter"]);
    expect(typeOf("bubble")).toEqual(["scatter"]);
    expect(typeOf("pie")).toEqual(["pie"]);
    expect(typeOf("donut")).toEqual(["pie"]);
    expect(typeOf("funnel")).toEqual(["funnel"]);
    expect(build("cohort", result([col("w", "date"), col("p", "number", "int4"), col("v", "number")], [["2024-01-01", 0, 1]])).option.series[0].type).toBe(
      "heatmap",
    );
    const one = result([col("n", "number", "int8")], [[1]]);
    expect(buildChartOption("auto", one)).toBeNull();
    expect(buildChartOption("number", r)).toBeNull();
    expect(buildChartOption("table", r)).toBeNull();
    expect(buildChartOption("pivot", r)).toBeNull();
  });
});
