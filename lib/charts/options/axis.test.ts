import { describe, expect, it } from "vitest";
import { TARGET_COLOR } from "./palette";
import { build, col, result, utc, yAxes } from "./testing";

const fn = expect.any(Function);
const DAY = 86_400_000;

describe("line, area and bar options", () => {
  it("100 % stacking turns each x into shares that sum to 1, on a 0–100 % axis", () => {
    const r = result(
      [col("day", "date"), col("plan", "string"), col("users", "number")],
      [
        ["2024-01-01", "free", 1],
        ["2024-01-01", "pro", 3],
        ["2024-01-02", "free", 2],
        ["2024-01-02", "pro", 2],
        ["2024-01-03", "free", 5],
        ["2024-01-04", "free", 0],
      ],
    );
    const { option } = build("area", r, { stacking: "percent" });
    expect(option.series.map((s) => ({ name: s.name, data: s.data, stack: s.stack, areaStyle: s.areaStyle }))).toEqual([
      {
        name: "free",
        data: [
          [utc("2024-01-01"), 0.25],
          [utc("2024-01-02"), 0.5],
          [utc("2024-01-03"), 1],
          // Nothing to share out: the stack breaks instead of falling to 0 %.
          [utc("2024-01-04"), null],
        ],
        stack: "total",
        areaStyle: { color: "#7fb800", opacity: 0.7 },
      },
      {
        name: "pro",
        data: [
          [utc("2024-01-01"), 0.75],
          [utc("2024-01-02"), 0.5],
          [utc("2024-01-03"), null],
          [utc("2024-01-04"), null],
        ],
        stack: "total",
        areaStyle: { color: "#8c564b", opacity: 0.7 },
      },
    ]);
    expect(option.yAxis).toEqual({ type: "value", min: 0, max: 1, axisLabel: { formatter: fn } });
    expect(option.yAxis.axisLabel.formatter(0.5)).toBe("50%");
    expect(option.tooltip.valueFormatter(0.125)).toBe("12.5%");
  });

  it("horizontal bars: categories top to bottom in query order, values along x, labels at the bar ends", () => {
    const r = result(
      [col("country", "string"), col("users", "number")],
      [
        ["US", 1200],
        ["DE", 300],
        ["FR", 450],
      ],
    );
    const { option } = build("bar", r, { orientation: "horizontal", dataLabels: true, targetValue: 1000, targetLabel: "Plan", xAxis: { title: "Country" } });
    expect(option.yAxis).toEqual({
      type: "category",
      name: "Country",
      nameLocation: "middle",
      nameGap: 12,
      data: ["US", "DE", "FR"],
      axisLabel: { hideOverlap: true },
      inverse: true,
    });
    expect(option.xAxis).toEqual({ type: "value", dataMin: 1000, dataMax: 1000, axisLabel: { formatter: fn } });
    const [bars] = option.series;
    expect(bars).toMatchObject({ type: "bar", data: [1200, 300, 450], label: { show: true, position: "right" } });
    expect(bars.label?.formatter({ value: 1200 })).toBe("1.2K");
    expect(bars.markLine?.data).toEqual([{ xAxis: 1000 }]);
    expect(bars.markLine?.label.formatter({})).toBe("Plan");
  });

  it("combo: the first y as bars, the rest as lines, right-axis columns on a second axis", () => {
    const r = result(
      [col("month", "date"), col("revenue", "number"), col("orders", "number"), col("conversion", "number")],
      [
        ["2024-01-01", 1000, 10, 0.1],
        ["2024-02-01", 1500, 12, 0.2],
      ],
    );
    const { option } = build("combo", r, { rightAxisColumns: ["conversion", "gone"], rightAxis: { title: "Conversion", max: 1 }, yAxis: { title: "Revenue" } });
    expect(option.series.map((s) => ({ name: s.name, type: s.type, yAxisIndex: s.yAxisIndex }))).toEqual([
      { name: "revenue", type: "bar", yAxisIndex: undefined },
      { name: "orders", type: "line", yAxisIndex: undefined },
      { name: "conversion", type: "line", yAxisIndex: 1 },
    ]);
    expect(option.series[2].data).toEqual([
      [utc("2024-01-01"), 0.1],
      [utc("2024-02-01"), 0.2],
    ]);
    expect(yAxes(option)).toEqual([
      { type: "value", name: "Revenue", nameLocation: "middle", nameGap: 12, axisLabel: { formatter: fn } },
      { type: "value", name: "Conversion", nameLocation: "middle", nameGap: 12, max: 1, position: "right", splitLine: { show: false }, axisLabel: { formatter: fn } },
    ]);
    // The right axis has its own unit: plain numbers unless it names a format, in its labels and tooltips.
    expect(yAxes(option)[1].axisLabel.formatter(0.08)).toBe("0.08");
    const percent = build("combo", r, { format: "currency", rightAxisColumns: ["conversion"], rightAxis: { format: "percent" } }).option;
    expect(yAxes(percent)[0].axisLabel.formatter(1500)).toBe("$1.5K");
    expect(yAxes(percent)[1].axisLabel.formatter(0.08)).toBe("8%");
    expect((percent.series[2].tooltip as { valueFormatter: (v: unknown) => string }).valueFormatter(0.125)).toBe("12.5%");
    expect(percent.series[0].tooltip).toBeUndefined();
    // Chosen line columns; stacking stacks the bars only, each axis on its own.
    const stacked = build("combo", r, { lineColumns: ["conversion"], rightAxisColumns: ["conversion"], stacking: "percent" }).option;
    expect(stacked.series.map((s) => [s.name, s.type, s.stack])).toEqual([
      ["revenue", "bar", "total"],
      ["orders", "bar", "total"],
      ["conversion", "line", undefined],
    ]);
  });

  it("a daily series with a missing day: a break in the line (gap) or a zero (zero)", () => {
    const r = result(
      [col("day", "date"), col("signups", "number")],
      [
        ["2024-01-01", 5],
        ["2024-01-02", 6],
        ["2024-01-05", 9],
      ],
    );
    const gap = build("line", r).option.series[0];
    expect(gap.data).toEqual([
      [utc("2024-01-01"), 5],
      [utc("2024-01-02"), 6],
      [utc("2024-01-03"), null],
      [utc("2024-01-04"), null],
      [utc("2024-01-05"), 9],
    ]);
    expect(gap.connectNulls).toBe(false);
    expect(build("line", r, { gaps: "zero" }).option.series[0].data).toEqual([
      [utc("2024-01-01"), 5],
      [utc("2024-01-02"), 6],
      [utc("2024-01-03"), 0],
      [utc("2024-01-04"), 0],
      [utc("2024-01-05"), 9],
    ]);
  });

  it("a monthly series is filled month by month, however long the months are", () => {
    const r = result(
      [col("month", "date"), col("client", "string"), col("revenue", "number")],
      [
        ["2024-01-01", "web", 10],
        ["2024-02-01", "ios", 4],
        ["2024-04-01", "web", 30],
      ],
    );
    const months = ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"].map(utc);
    expect(build("line", r, { gaps: "zero" }).option.series.map((s) => [s.name, s.data])).toEqual([
      ["web", months.map((m, i) => [m, [10, 0, 0, 30][i]])],
      ["ios", months.map((m, i) => [m, [0, 4, 0, 0][i]])],
    ]);
    expect(build("line", r).option.series.map((s) => [s.name, s.data])).toEqual([
      ["web", months.map((m, i) => [m, [10, null, null, 30][i]])],
      ["ios", months.map((m, i) => [m, [null, 4, null, null][i]])],
    ]);
  });

  it("irregular times are not filled", () => {
    const r = result(
      [col("at", "timestamp", "timestamptz"), col("v", "number")],
      [
        ["2024-01-01T00:00:00Z", 1],
        ["2024-01-01T07:30:00Z", 2],
        ["2024-01-03T00:00:00Z", 3],
      ],
    );
    expect(build("line", r, { gaps: "zero" }).option.series[0].data).toEqual([
      [utc("2024-01-01T00:00:00Z"), 1],
      [utc("2024-01-01T07:30:00Z"), 2],
      [utc("2024-01-03T00:00:00Z"), 3],
    ]);
  });

  it("a constant target is a dashed markLine on the left axis, and the axis reaches it", () => {
    const r = result(
      [col("day", "date"), col("a", "number"), col("b", "number")],
      [
        ["2024-01-01", 5, 0.5],
        ["2024-01-02", 6, 0.6],
      ],
    );
    const { option } = build("line", r, { targetValue: 100, rightAxisColumns: ["a"] });
    expect(option.series[0].markLine).toBeUndefined();
    expect(option.series[1].markLine).toEqual({
      silent: true,
      symbol: "none",
      lineStyle: { type: "dashed", width: 2, color: TARGET_COLOR },
      label: { position: "insideEndTop", color: TARGET_COLOR, formatter: fn },
      data: [{ yAxis: 100 }],
    });
    expect(option.series[1].markLine?.label.formatter({})).toBe("Target");
    expect(yAxes(option)[0]).toMatchObject({ dataMin: 100, dataMax: 100 });
    expect(build("line", r, { targetValue: 100, stacking: "percent" }).notes).toEqual(["Targets are not drawn on a 100 % stacked chart"]);
  });

  it("more points than a line can draw are sampled, keeping peaks, with a note", () => {
    const n = 48_213;
    const rows = Array.from({ length: n }, (_, i) => [i, i === 30_000 ? 1000 : Math.sin(i / 100)]);
    const { option, notes } = build("line", result([col("x", "number"), col("y", "number")], rows));
    const data = option.series[0].data as [number, number][];
    expect(data.length).toBeLessThanOrEqual(2000);
    expect(data.length).toBeGreaterThan(1900);
    expect(notes).toEqual([`Showing ${data.length.toLocaleString("en-US")} of 48,213 points per series (sampled)`]);
    expect(data[0]).toEqual([0, 0]);
    expect(data[data.length - 1][0]).toBe(n - 1);
    expect(data).toContainEqual([30_000, 1000]);
    expect(option.series[0].showSymbol).toBe(false);
    // The same input gives the same points.
    expect(build("line", result([col("x", "number"), col("y", "number")], rows)).option.series[0].data).toEqual(data);
  });

  it("bars past 200 categories keep the first 200 after sorting, with a note", () => {
    const rows = Array.from({ length: 250 }, (_, i) => [`item ${i}`, i]);
    const { option, notes } = build("bar", result([col("item", "string"), col("n", "number")], rows), { sort: "value-desc" });
    expect(option.xAxis.data).toHaveLength(200);
    expect(option.xAxis.data?.slice(0, 2)).toEqual(["item 249", "item 248"]);
    expect((option.series[0].data as number[]).slice(-1)).toEqual([50]);
    expect(notes).toEqual(["Showing the first 200 of 250 categories"]);
  });

  it("sorts categories by label naturally or by the total of all series; time stays in time order", () => {
    const r = result(
      [col("item", "string"), col("kind", "string"), col("n", "number")],
      [
        ["item 10", "a", 1],
        ["item 2", "a", 5],
        ["item 2", "b", 1],
        ["item 1", "b", 3],
      ],
    );
    expect(build("bar", r, { sort: "x-asc" }).option.xAxis.data).toEqual(["item 1", "item 2", "item 10"]);
    expect(build("bar", r, { sort: "x-desc" }).option.xAxis.data).toEqual(["item 10", "item 2", "item 1"]);
    expect(build("bar", r, { sort: "value-desc" }).option.xAxis.data).toEqual(["item 2", "item 1", "item 10"]);
    expect(build("bar", r, { sort: "value-asc" }).option.xAxis.data).toEqual(["item 10", "item 1", "item 2"]);
    const t = result(
      [col("day", "date"), col("n", "number")],
      [
        ["2024-01-02", 1],
        ["2024-01-01", 2],
      ],
    );
    expect(build("line", t, { sort: "value-asc" }).option.series[0].data).toEqual([
      [utc("2024-01-01"), 2],
      [utc("2024-01-02"), 1],
    ]);
  });

  it("axis settings: titles, log scale (values ≤ 0 left out), min and max", () => {
    const r = result(
      [col("x", "number"), col("y", "number")],
      [
        [1, 10],
        [2, 0],
        [3, 1000],
      ],
    );
    const { option } = build("line", r, { yAxis: { log: true, title: "Requests", min: 1 }, xAxis: { title: "Hour", max: 4 } });
    expect(option.yAxis).toEqual({ type: "log", name: "Requests", nameLocation: "middle", nameGap: 12, min: 1, axisLabel: { formatter: fn } });
    expect(option.xAxis).toEqual({ type: "value", name: "Hour", nameLocation: "middle", nameGap: 12, scale: true, max: 4, axisLabel: { hideOverlap: true } });
    expect(option.series[0].data).toEqual([
      [1, 10],
      [2, null],
      [3, 1000],
    ]);
  });

  it("date formats label the time axis and the tooltip heading", () => {
    const r = result(
      [col("month", "date"), col("n", "number")],
      [
        ["2024-01-01", 1],
        ["2024-02-01", 2],
      ],
    );
    const monthly = build("line", r, { dateFormat: "quarter" }).option.xAxis;
    expect(monthly.minInterval).toBe(90 * DAY);
    expect(monthly.axisLabel.formatter(utc("2024-05-01"))).toBe("Q2 2024");
    expect(monthly.axisPointer?.label.formatter({ value: utc("2024-05-01") })).toBe("Q2 2024");
    // auto: ECharts' own axis labels; the tooltip names the month, as the series is monthly.
    const auto = build("line", r).option.xAxis;
    expect(auto.axisLabel).toEqual({ hideOverlap: true });
    expect(auto.axisPointer?.label.formatter({ value: utc("2024-02-01") })).toBe("Feb 2024");
    // Horizontal bars list dates as categories, in time order.
    expect(build("bar", r, { orientation: "horizontal", dateFormat: "week" }).option.yAxis.data).toEqual(["Week of Jan 1", "Week of Feb 1"]);
  });

  it("legend placement, and data labels in the chart's format", () => {
    const r = result(
      [col("day", "date"), col("a", "number"), col("b", "number")],
      [
        ["2024-01-01", 1500, 2],
        ["2024-01-02", 6, 3],
      ],
    );
    const grid = { outerBoundsMode: "same", outerBoundsContain: "all", left: 8 };
    expect(build("line", r, { legend: "bottom" }).option).toMatchObject({ legend: { show: true, bottom: 0 }, grid: { ...grid, top: 16, bottom: 36, right: 16 } });
    expect(build("line", r, { legend: "right" }).option).toMatchObject({ legend: { show: true, orient: "vertical", right: 0 }, grid: { ...grid, right: 150 } });
    expect(build("line", r, { legend: "none" }).option).toMatchObject({ legend: { show: false }, grid: { ...grid, top: 16 } });
    expect(build("line", r, { y: ["a"] }).option.legend).toEqual({ show: false });
    const labelled = build("bar", r, { dataLabels: true, format: "currency", stacking: "stacked" }).option.series[0];
    expect(labelled.label).toEqual({ show: true, position: "inside", formatter: fn });
    expect(labelled.label?.formatter({ value: [utc("2024-01-01"), 1500] })).toBe("$1.5K");
    expect(labelled.label?.formatter({ value: [utc("2024-01-01"), null] })).toBe("");
  });
});
