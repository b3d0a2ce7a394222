import { describe, expect, it } from "vitest";
import { applyNumberText, type ChartSettingsValue } from "./settings-value";
import { setAxis } from "./update-config";

const start: ChartSettingsValue = { vizType: "line", config: { yAxis: { min: 0 } }, drafts: {} };
const setMin = (c: ChartSettingsValue["config"], n: number | undefined) => setAxis(c, "yAxis", { min: n });

describe("applyNumberText", () => {
  it("applies a number and clears the draft", () => {
    const typing = applyNumberText(start, "yAxis.min", "1o", setMin);
    expect(typing).toEqual({ vizType: "line", config: { yAxis: { min: 0 } }, drafts: { "yAxis.min": "1o" } });
    expect(applyNumberText(typing, "yAxis.min", "10", setMin)).toEqual({ vizType: "line", config: { yAxis: { min: 10 } }, drafts: {} });
  });

  it("blank unsets an optional number and is kept as a draft for a required one", () => {
    expect(applyNumberText(start, "yAxis.min", " ", setMin).config).toEqual({});
    expect(applyNumberText(start, "conditionalFormats.0.value", "", (c) => c, true).drafts).toEqual({ "conditionalFormats.0.value": "" });
  });
});
