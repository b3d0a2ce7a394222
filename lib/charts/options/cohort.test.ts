import { describe, expect, it } from "vitest";
import { COHORT_COLORS } from "./cohort";
import { build, col, result } from "./testing";

const fn = expect.any(Function);

describe("cohort options", () => {
  const r = result(
    [col("signup_week", "date"), col("week", "number", "int4"), col("users", "number", "int8")],
    [
      ["2024-01-08", 0, 50],
      ["2024-01-01", 0, 200],
      ["2024-01-01", 1, 80],
      ["2024-01-01", 2, 50],
      ["2024-01-08", 1, 10],
    ],
  );

  it("cohorts top to bottom in time order, periods left to right, cells labelled", () => {
    const { option } = build("cohort", r);
    expect(option.yAxis).toEqual({ type: "category", data: ["Jan 1, 2024", "Jan 8, 2024"], inverse: true, splitArea: { show: false } });
    expect(option.xAxis).toEqual({ type: "category", name: "week", nameLocation: "middle", nameGap: 12, data: ["0", "1", "2"], position: "top", splitArea: { show: false } });
    expect(option.series).toEqual([
      {
        name: "users",
        type: "heatmap",
        data: [
          [0, 0, 200],
          [1, 0, 80],
          [2, 0, 50],
          [0, 1, 50],
          [1, 1, 10],
        ],
        label: { show: true, formatter: fn },
        itemStyle: { borderColor: "#ffffff", borderWidth: 1 },
      },
    ]);
    expect(option.visualMap).toEqual({
      type: "continuous",
      dimension: 2,
      min: 0,
      max: 200,
      calculable: false,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      itemHeight: 160,
      inRange: { color: COHORT_COLORS },
      formatter: fn,
    });
    expect(option.series[0].label?.formatter({ value: [0, 0, 200] })).toBe("200");
  });

  it("cohortPercent: each cell as a share of the cohort's first period", () => {
    const { option } = build("cohort", r, { cohortPercent: true });
    expect(option.series[0].data).toEqual([
      [0, 0, 1],
      [1, 0, 0.4],
      [2, 0, 0.25],
      [0, 1, 1],
      [1, 1, 0.2],
    ]);
    expect(option.visualMap.max).toBe(1);
    expect(option.series[0].label?.formatter({ value: [1, 0, 0.4] })).toBe("40%");
    expect(option.tooltip.formatter({ value: [1, 0, 0.4] })).toBe("Jan 1, 2024 · week 1<br/>40% (80 of 200)");
  });

  it("text periods in natural order; several rows for one cell add up", () => {
    const t = result(
      [col("cohort", "string"), col("period", "string"), col("n", "number")],
      [
        ["A", "week 10", 1],
        ["A", "week 2", 2],
        ["A", "week 2", 3],
      ],
    );
    const { option } = build("cohort", t, { series: "period" });
    expect(option.xAxis.data).toEqual(["week 2", "week 10"]);
    expect(option.series[0].data).toEqual([
      [0, 0, 5],
      [1, 0, 1],
    ]);
  });
});
