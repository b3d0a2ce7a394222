import { describe, expect, it } from "vitest";
import { VIZ_TYPES } from "@/lib/charts/schemas";
import type { ConcreteVizType } from "@/lib/charts/types";
import { applies, columnLabels, fieldLabel, sectionOfPath, sectionsFor, vizTypeLabel, VIZ_TYPE_LABELS } from "./controls";

describe("which controls apply", () => {
  it("offers stacking on bars and areas only, orientation on bars only", () => {
    const stacking = VIZ_TYPES.filter((t): t is ConcreteVizType => t !== "auto" && applies("stacking", t));
    expect(stacking).toEqual(["area", "bar"]);
    expect(VIZ_TYPES.filter((t): t is ConcreteVizType => t !== "auto" && applies("orientation", t))).toEqual(["bar"]);
  });

  it("gives every type its own sections", () => {
    expect(sectionsFor("line")).toEqual(["data", "axes", "values", "target", "colors"]);
    expect(sectionsFor("pie")).toEqual(["data", "values", "colors"]);
    expect(sectionsFor("number")).toEqual(["data", "number", "values"]);
    expect(sectionsFor("table")).toEqual(["table", "values"]);
    expect(sectionsFor("pivot")).toEqual(["pivot", "values"]);
    expect(sectionsFor("cohort")).toEqual(["data", "cohort", "values"]);
    expect(sectionsFor("bubble")).toEqual(["data", "axes", "values", "colors"]);
  });

  it("asks for one value column where only the first is drawn", () => {
    for (const t of ["bubble", "number", "pie", "donut", "funnel", "cohort"] as const) {
      expect([applies("ySingle", t), applies("yMulti", t)]).toEqual([true, false]);
    }
    expect([applies("ySingle", "combo"), applies("yMulti", "combo")]).toEqual([false, true]);
    expect(applies("lineColumns", "combo")).toBe(true);
    expect(applies("lineColumns", "line")).toBe(false);
    // Combo draws one series per value column: there is nothing to split.
    expect(applies("series", "combo")).toBe(false);
    expect(applies("series", "scatter")).toBe(true);
  });
});

describe("labels", () => {
  it("has a label for every chart type, and auto names what it picked", () => {
    expect(Object.keys(VIZ_TYPE_LABELS)).toEqual([...VIZ_TYPES]);
    expect(vizTypeLabel("auto", "line")).toBe("Auto (line)");
    expect(vizTypeLabel("auto", "number")).toBe("Auto (big number)");
    expect(vizTypeLabel("auto", null)).toBe("Auto");
    expect(vizTypeLabel("donut", "line")).toBe("Donut");
  });

  it("names the columns by what they mean for the type", () => {
    expect(columnLabels("line")).toEqual({ x: "X column", y: "Y columns", series: "Split by" });
    expect(columnLabels("funnel").x).toBe("Stage column");
    expect(columnLabels("cohort")).toEqual({ x: "Cohort column", y: "Value column", series: "Period column" });
  });

  it("labels settings paths as the panel does, and files them under their section", () => {
    expect(fieldLabel("xAxis.min")).toBe("X axis min");
    expect(fieldLabel("rightAxis.title")).toBe("Right axis label");
    expect(fieldLabel("conditionalFormats.0.value2")).toBe("Rule 1 upper value");
    expect(fieldLabel("pivot.rows")).toBe("Pivot rows");
    expect(fieldLabel("colors.a.b")).toBe("Colour of a.b");
    expect(fieldLabel("currency")).toBe("Currency");
    expect(sectionOfPath("xAxis.min")).toBe("axes");
    expect(sectionOfPath("conditionalFormats.2.color")).toBe("table");
    expect(sectionOfPath("targetValue")).toBe("target");
    expect(sectionOfPath("decimals")).toBe("values");
  });
});
