import { describe, expect, it } from "vitest";
import { seriesColor } from "./palette";
import { BUBBLE_MAX_PX, BUBBLE_MIN_PX, bubbleSize } from "./scatter";
import { build, col, result, utc } from "./testing";

const fn = expect.any(Function);

describe("scatter and bubble options", () => {
  it("scatter of two numbers, axes named after their columns", () => {
    const r = result(
      [col("price", "number", "numeric"), col("sales", "number", "int8")],
      [
        [1.5, 10],
        [2, null],
        ["3", "30"],
      ],
    );
    const { option, notes } = build("auto", r);
    expect(notes).toEqual([]);
    expect(option.series).toEqual([{ name: "sales", type: "scatter", symbolSize: 8, itemStyle: { color: seriesColor("sales") }, data: [[1.5, 10], [3, 30]] }]);
    expect(option.xAxis).toEqual({ type: "value", name: "price", nameLocation: "middle", nameGap: 12, scale: true, axisLabel: { hideOverlap: true, formatter: fn } });
    expect(option.yAxis).toEqual({ type: "value", name: "sales", nameLocation: "middle", nameGap: 12, scale: true, axisLabel: { formatter: fn } });
    expect(option.tooltip.formatter({ seriesIndex: 0, seriesName: "sales", marker: "", value: [1.5, 10] })).toBe("sales<br/>price: 1.5<br/>sales: 10");
  });

  it("bubble: the third number sizes the points, area proportional to the value", () => {
    const r = result(
      [col("visits", "number"), col("conversion", "number"), col("revenue", "number")],
      [
        [100, 0.1, 400],
        [200, 0.2, 100],
        [300, 0.3, 0],
        [400, 0.4, null],
      ],
    );
    const { option } = build("bubble", r, { format: "percent" });
    expect(option.series).toEqual([
      {
        name: "conversion",
        type: "scatter",
        itemStyle: { color: seriesColor("conversion"), opacity: 0.7 },
        data: [
          { value: [100, 0.1, 400], symbolSize: 40 },
          { value: [200, 0.2, 100], symbolSize: 20 },
          { value: [300, 0.3, 0], symbolSize: 4 },
          { value: [400, 0.4, null], symbolSize: 4 },
        ],
      },
    ]);
    expect(option.tooltip.formatter({ seriesIndex: 0, seriesName: "conversion", marker: "", value: [100, 0.1, 400] })).toBe(
      "conversion<br/>visits: 100<br/>conversion: 10%<br/>revenue: 400",
    );
    expect(bubbleSize(25, 100)).toBe(BUBBLE_MAX_PX / 2);
    expect(bubbleSize(1, 1_000_000)).toBe(BUBBLE_MIN_PX);
  });

  it("a category column colours the points; names in tooltips are escaped", () => {
    const r = result(
      [col("client", "string"), col("x", "number"), col("y", "number")],
      [
        ["web", 1, 2],
        ["<b>ios</b>", 3, 4],
      ],
    );
    const { option } = build("scatter", r, { series: "client" });
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ["web", [[1, 2]]],
      ["<b>ios</b>", [[3, 4]]],
    ]);
    expect(option.tooltip.formatter({ seriesIndex: 1, seriesName: "<b>ios</b>", value: [3, 4] })).toBe("&#60;b&#62;ios&#60;/b&#62;<br/>x: 3<br/>y: 4");
  });

  it("a date x puts the points on a time axis", () => {
    const r = result(
      [col("day", "date"), col("n", "number")],
      [
        ["2024-01-02", 1],
        ["2024-01-01", 2],
      ],
    );
    const { option } = build("scatter", r, { x: "day", y: ["n"], dateFormat: "month" });
    expect(option.xAxis).toEqual({ type: "time", name: "day", nameLocation: "middle", nameGap: 12, axisLabel: { hideOverlap: true, formatter: fn } });
    expect(option.series[0].data).toEqual([
      [utc("2024-01-02"), 1],
      [utc("2024-01-01"), 2],
    ]);
    expect(option.tooltip.formatter({ seriesIndex: 0, seriesName: "n", value: [utc("2024-01-02"), 1] })).toBe("n<br/>day: Jan 2024<br/>n: 1");
  });

  it("more than 5,000 points: an even, repeatable spread of them, with a note", () => {
    const rows = Array.from({ length: 12_345 }, (_, i) => [i, i % 7]);
    const { option, notes } = build("scatter", result([col("a", "number"), col("b", "number")], rows));
    const data = option.series[0].data as number[][];
    expect(data).toHaveLength(5000);
    expect(data[0]).toEqual([0, 0]);
    expect(data[1]).toEqual([2, 2]);
    expect(data[4999]).toEqual([12_342, 12_342 % 7]);
    expect(notes).toEqual(["Showing 5,000 of 12,345 points (sampled)"]);
  });
});
