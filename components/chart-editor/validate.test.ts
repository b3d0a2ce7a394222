import { describe, expect, it } from "vitest";
import type { VizConfig } from "@/lib/charts/types";
import { clearSetting, configErrors, dropIndexedDrafts, errorSummary, settingsErrors, validPart } from "./validate";

describe("configErrors", () => {
  it("accepts valid settings", () => {
    expect(configErrors({ x: "week", y: ["a"], currency: "EUR", decimals: 2, colors: { a: "#aabbcc" } })).toEqual({});
  });

  it("says what is wrong, by field, in words", () => {
    expect(
      configErrors({
        currency: "eu",
        decimals: 9,
        yAxis: { title: "t".repeat(201) },
        conditionalFormats: [{ column: "a", operator: ">", value: 1, color: "red" }],
      }),
    ).toEqual({
      currency: "Currency is a 3-letter ISO code such as USD",
      decimals: "At most 6",
      "yAxis.title": "At most 200 characters",
      "conditionalFormats.0.color": "Colours are written as #rrggbb",
    });
    expect(configErrors({ decimals: 1.5 })).toEqual({ decimals: "A whole number" });
  });

  it("adds the number fields holding text that is not a number", () => {
    expect(settingsErrors({}, { "xAxis.min": "1o" })).toEqual({ "xAxis.min": "Enter a number" });
  });
});

describe("validPart", () => {
  it("drops only what is invalid, leaving the analyst's settings as they were", () => {
    const config: VizConfig = {
      format: "currency",
      currency: "eu",
      yAxis: { title: "Revenue", min: 0 },
      conditionalFormats: [
        { column: "a", operator: ">", value: 1, color: "red" },
        { column: "b", operator: "<", value: 2, color: "#00ff00" },
      ],
    };
    expect(validPart(config)).toEqual({
      format: "currency",
      yAxis: { title: "Revenue", min: 0 },
      conditionalFormats: [{ column: "b", operator: "<", value: 2, color: "#00ff00" }],
    });
    expect(config.currency).toBe("eu");
    expect(config.conditionalFormats).toHaveLength(2);
  });
});

describe("drafts and summaries", () => {
  it("moves list drafts up when an item is removed", () => {
    const drafts = { "conditionalFormats.0.value": "x", "conditionalFormats.1.value": "y", "conditionalFormats.2.value2": "z", decimals: "q" };
    expect(dropIndexedDrafts(drafts, "conditionalFormats", 1)).toEqual({ "conditionalFormats.0.value": "x", "conditionalFormats.1.value2": "z", decimals: "q" });
  });

  it("summarizes the first error", () => {
    expect(errorSummary({})).toBeNull();
    expect(errorSummary({ currency: "Bad", decimals: "At most 6" }, (p) => p.toUpperCase())).toBe("CURRENCY: Bad (and 1 more)");
  });
});

describe("clearSetting", () => {
  it("removes a field, and its parent when nothing is left in it", () => {
    expect(clearSetting({ currency: "eu", format: "currency" }, "currency")).toEqual({ format: "currency" });
    expect(clearSetting({ xAxis: { min: 1, title: "Day" } }, "xAxis.min")).toEqual({ xAxis: { title: "Day" } });
    expect(clearSetting({ xAxis: { min: 1 } }, "xAxis.min")).toEqual({});
    expect(clearSetting({ conditionalFormats: [{ column: "a", operator: ">", value: 1, color: "red" }] }, "conditionalFormats.0")).toEqual({});
  });
});
