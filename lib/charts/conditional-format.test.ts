import { describe, expect, it } from "vitest";
import { cellStyleFor, matchesRule, textColorOn } from "./conditional-format";
import type { ConditionalFormat } from "./types";

const rule = (r: Partial<ConditionalFormat>): ConditionalFormat => ({ column: "revenue", operator: ">", value: 0, color: "#d64545", ...r });

describe("matchesRule", () => {
  it("compares with every operator", () => {
    expect(matchesRule(5, { operator: ">", value: 4 })).toBe(true);
    expect(matchesRule(4, { operator: ">", value: 4 })).toBe(false);
    expect(matchesRule(4, { operator: ">=", value: 4 })).toBe(true);
    expect(matchesRule(3, { operator: ">=", value: 4 })).toBe(false);
    expect(matchesRule(3, { operator: "<", value: 4 })).toBe(true);
    expect(matchesRule(4, { operator: "<", value: 4 })).toBe(false);
    expect(matchesRule(4, { operator: "<=", value: 4 })).toBe(true);
    expect(matchesRule(5, { operator: "<=", value: 4 })).toBe(false);
    expect(matchesRule(4, { operator: "=", value: 4 })).toBe(true);
    expect(matchesRule(4.5, { operator: "=", value: 4 })).toBe(false);
    expect(matchesRule(4.5, { operator: "!=", value: 4 })).toBe(true);
    expect(matchesRule(4, { operator: "!=", value: 4 })).toBe(false);
  });

  it("between includes both bounds, in either order, and needs an upper bound", () => {
    expect(matchesRule(10, { operator: "between", value: 10, value2: 20 })).toBe(true);
    expect(matchesRule(20, { operator: "between", value: 10, value2: 20 })).toBe(true);
    expect(matchesRule(15, { operator: "between", value: 20, value2: 10 })).toBe(true);
    expect(matchesRule(9.99, { operator: "between", value: 10, value2: 20 })).toBe(false);
    expect(matchesRule(20.01, { operator: "between", value: 10, value2: 20 })).toBe(false);
    expect(matchesRule(10, { operator: "between", value: 10 })).toBe(false);
  });
});

describe("cellStyleFor", () => {
  const rules = [
    rule({ operator: "<", value: 0, color: "#d64545" }),
    rule({ operator: "between", value: 0, value2: 100, color: "#fdecea" }),
    rule({ operator: ">", value: 50, color: "#1f8a4c" }),
    rule({ column: "share", operator: ">=", value: 0.5, color: "#ffeb3b" }),
  ];

  it("takes the first matching rule of the cell's column", () => {
    expect(cellStyleFor("revenue", -5, rules)).toEqual({ background: "#d64545", color: "#ffffff" });
    // 75 matches both "between 0 and 100" and "> 50": the first wins.
    expect(cellStyleFor("revenue", 75, rules)).toEqual({ background: "#fdecea", color: "#1d2430" });
    expect(cellStyleFor("revenue", 150, rules)).toEqual({ background: "#1f8a4c", color: "#ffffff" });
    expect(cellStyleFor("share", 0.5, rules)).toEqual({ background: "#ffeb3b", color: "#1d2430" });
    expect(cellStyleFor("share", 0.49, rules)).toBeNull();
    expect(cellStyleFor("other", 150, rules)).toBeNull();
  });

  it("reads numeric strings (int8, numeric) as numbers", () => {
    expect(cellStyleFor("revenue", "150", rules)).toEqual({ background: "#1f8a4c", color: "#ffffff" });
    expect(cellStyleFor("revenue", "-0.5", rules)).toEqual({ background: "#d64545", color: "#ffffff" });
  });

  it("never matches values that are not numbers", () => {
    const all = [rule({ operator: "!=", value: 1 })];
    expect(cellStyleFor("revenue", null, all)).toBeNull();
    expect(cellStyleFor("revenue", undefined, all)).toBeNull();
    expect(cellStyleFor("revenue", "", all)).toBeNull();
    expect(cellStyleFor("revenue", "abc", all)).toBeNull();
    expect(cellStyleFor("revenue", true, all)).toBeNull();
    expect(cellStyleFor("revenue", "2024-01-01", all)).toBeNull();
    expect(cellStyleFor("revenue", { a: 1 }, all)).toBeNull();
    expect(cellStyleFor("revenue", Number.NaN, all)).toBeNull();
  });

  it("returns null without rules", () => {
    expect(cellStyleFor("revenue", 5, [])).toBeNull();
    expect(cellStyleFor("revenue", 5, undefined)).toBeNull();
  });
});

describe("textColorOn", () => {
  it("uses white on dark backgrounds and dark text on light ones", () => {
    expect(textColorOn("#000000")).toBe("#ffffff");
    expect(textColorOn("#2f6fde")).toBe("#ffffff");
    expect(textColorOn("#1f8a4c")).toBe("#ffffff");
    expect(textColorOn("#ffffff")).toBe("#1d2430");
    expect(textColorOn("#ffeb3b")).toBe("#1d2430");
    expect(textColorOn("#f08a24")).toBe("#1d2430");
    expect(textColorOn("#c9a227")).toBe("#1d2430");
    expect(textColorOn("#FDECEA")).toBe("#1d2430");
  });
});
