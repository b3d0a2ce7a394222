import { describe, expect, it } from "vitest";
import { buildChartOption } from "./build-chart-option";
import { describeAxes } from "./describe-axes";
import { col, result } from "./options/testing";

describe("describeAxes", () => {
  it("names the x axis and both y axes of a combo chart", () => {
    const r = result(
      [col("week", "date"), col("sessions", "number", "int8"), col("per_member", "number", "numeric")],
      [["2024-01-01", 10, "1.5"]],
    );
    const built = buildChartOption("combo", r, { rightAxisColumns: ["per_member"], xAxis: { title: "Week" }, yAxis: { title: "Sessions" }, rightAxis: { title: "Per member" } });
    expect(describeAxes(built!.option)).toBe("X axis: Week. Left axis: Sessions. Right axis: Per member.");
  });

  it("says nothing for axes without titles", () => {
    const built = buildChartOption("bar", result([col("c", "string"), col("n", "number")], [["a", 1]]));
    expect(describeAxes(built!.option)).toBe("");
  });
});
