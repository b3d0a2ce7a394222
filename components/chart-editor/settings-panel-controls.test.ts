// The settings added for issue "Charts" audit: right-axis format, labels on scatter/bubble/cohort, x-axis
// scale on numeric lines.
import { describe, expect, it } from "vitest";
import { VIZ_TYPES } from "@/lib/charts/schemas";
import type { ConcreteVizType } from "@/lib/charts/types";
import { applies, fieldLabel, xAxisScaleApplies } from "./controls";
import { setAxis } from "./update-config";

const concrete = VIZ_TYPES.filter((t): t is ConcreteVizType => t !== "auto");

describe("settings panel controls", () => {
  it("offers data labels on every drawn chart that has points, slices or cells", () => {
    expect(concrete.filter((t) => applies("dataLabels", t))).toEqual(["line", "area", "bar", "combo", "scatter", "bubble", "pie", "donut", "funnel", "cohort"]);
  });

  it("offers the x axis' log scale, min and max where x is a number: scatter, bubble, and lines or areas over numbers", () => {
    expect(concrete.filter((t) => xAxisScaleApplies(t, true))).toEqual(["line", "area", "scatter", "bubble"]);
    expect(concrete.filter((t) => xAxisScaleApplies(t, false))).toEqual(["scatter", "bubble"]);
  });

  it("keeps the right axis' number format through other axis edits; plain numbers are the default", () => {
    const percent = setAxis({}, "rightAxis", { format: "percent" });
    expect(percent).toEqual({ rightAxis: { format: "percent" } });
    expect(setAxis(percent, "rightAxis", { title: "Conversion" })).toEqual({ rightAxis: { format: "percent", title: "Conversion" } });
    expect(setAxis(percent, "rightAxis", { format: "number" })).toEqual({});
    expect(fieldLabel("rightAxis.format")).toBe("Right axis number format");
  });
});
