// Options for settings the panel offers on more chart types: funnel sort, labels on scatter and bubble
// points, cohort labels turned off, log scale and bounds on a numeric x axis of a line.
import { describe, expect, it } from "vitest";
import { build, col, result } from "./testing";

const fn = expect.any(Function);

describe("settings on more chart types", () => {
  const stages = result(
    [col("stage", "string", "text"), col("users", "number", "int8")],
    [
      ["Signup", 400],
      ["Visitor", 1000],
      ["Paid", 50],
    ],
  );

  it("funnel: sorted by value, largest first; the query's order by default", () => {
    const names = (sort?: "value-desc" | "x-asc") => (build("funnel", stages, { sort }).option.series[0].data as { name: string }[]).map((d) => d.name);
    expect(names()).toEqual(["Signup", "Visitor", "Paid"]);
    expect(names("value-desc")).toEqual(["Visitor", "Signup", "Paid"]);
    expect(names("x-asc")).toEqual(["Paid", "Signup", "Visitor"]);
    const { option } = build("funnel", stages, { sort: "value-desc" });
    expect(option.series[0].label?.formatter({ name: "Signup", value: 400 })).toBe("Signup: 400 (40%)");
  });

  it("scatter: labels give each point's y value; bubbles split by a column are labelled with its value", () => {
    const points = result(
      [col("sessions", "number", "int8"), col("revenue", "number", "numeric")],
      [
        [10, "1500"],
        [25, "700"],
      ],
    );
    const scatter = build("scatter", points, { dataLabels: true, format: "currency" }).option.series[0];
    expect(scatter).toEqual({
      name: "revenue",
      type: "scatter",
      itemStyle: { color: "#14a3b8" },
      label: { show: true, position: "top", formatter: fn },
      labelLayout: { hideOverlap: true },
      symbolSize: 8,
      data: [
        [10, 1500],
        [25, 700],
      ],
    });
    expect(scatter.label?.formatter({ value: [10, 1500] })).toBe("$1.5K");
    expect(build("scatter", points).option.series[0].label).toBeUndefined();

    const countries = result(
      [col("country", "string", "text"), col("users", "number", "int8"), col("revenue", "number", "int8"), col("sellers", "number", "int8")],
      [["US", 500, 900, 100]],
    );
    const bubble = build("bubble", countries, { series: "country", dataLabels: true }).option.series[0];
    expect(bubble.label?.formatter({ seriesName: "US", value: [500, 900, 100] })).toBe("US");
  });

  it("cohort: labels can be turned off", () => {
    const r = result([col("week", "date"), col("period", "number", "int4"), col("users", "number", "int8")], [["2024-01-01", 0, 10]]);
    expect(build("cohort", r).option.series[0].label?.show).toBe(true);
    expect(build("cohort", r, { dataLabels: false }).option.series[0].label?.show).toBe(false);
  });

  it("line over a numeric x: log scale, min and max on x; x ≤ 0 is not drawn on a log axis", () => {
    const r = result(
      [col("photos_uploaded", "number", "int4"), col("members", "number", "int8")],
      [
        [0, 900],
        [1, 300],
        [10, 40],
        [100, 2],
      ],
    );
    const { option } = build("line", r, { xAxis: { log: true, min: 1, max: 1000, title: "Photos uploaded" } });
    expect(option.xAxis).toEqual({
      type: "log",
      name: "Photos uploaded",
      nameLocation: "middle",
      nameGap: 12,
      scale: true,
      min: 1,
      max: 1000,
      axisLabel: { hideOverlap: true },
    });
    expect(option.series[0].data).toEqual([
      [0, null],
      [1, 300],
      [10, 40],
      [100, 2],
    ]);
  });
});
