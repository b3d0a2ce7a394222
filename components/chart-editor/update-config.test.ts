import { describe, expect, it } from "vitest";
import { moveItem, parseNumberInput, setAxis, setColor, setOption, setPivot, setStacking, stackingOf, toggleInList } from "./update-config";

describe("setOption", () => {
  it("stores a choice and removes it when set back to the default", () => {
    const stacked = setOption({ format: "currency" }, "sort", "value-desc");
    expect(stacked).toEqual({ format: "currency", sort: "value-desc" });
    expect(setOption(stacked, "sort", "query")).toEqual({ format: "currency" });
    expect(setOption({ legend: "top" }, "legend", undefined)).toEqual({});
    expect(setOption({}, "increaseIsGood", true)).toEqual({});
    // Data labels have no fixed default (pies show them): the caller says what it is.
    expect(setOption({}, "dataLabels", false)).toEqual({ dataLabels: false });
    expect(setOption({ dataLabels: false }, "dataLabels", true, true)).toEqual({});
    expect(setOption({}, "increaseIsGood", false)).toEqual({ increaseIsGood: false });
  });

  it("compares column choices with the default Spyglass would pick", () => {
    expect(setOption({ x: "day" }, "x", "week", "week")).toEqual({});
    expect(setOption({}, "y", ["a", "b"], ["a", "b"])).toEqual({});
    expect(setOption({}, "y", ["b", "a"], ["a", "b"])).toEqual({ y: ["b", "a"] });
    // "" turns auto-splitting off, so it is kept when Spyglass would split.
    expect(setOption({}, "series", "", "client")).toEqual({ series: "" });
  });

  it("does not change the config it is given", () => {
    const config = { sort: "x-asc" as const };
    setOption(config, "sort", "query");
    expect(config).toEqual({ sort: "x-asc" });
  });
});

describe("stacking", () => {
  it("reads the deprecated flag and replaces it", () => {
    expect(stackingOf({ stacked: true })).toBe("stacked");
    expect(stackingOf({ stacked: true, stacking: "percent" })).toBe("percent");
    expect(stackingOf({})).toBe("none");
    expect(setStacking({ stacked: true, format: "percent" }, "percent")).toEqual({ format: "percent", stacking: "percent" });
    expect(setStacking({ stacked: true }, "none")).toEqual({});
  });
});

describe("nested settings", () => {
  it("keeps only what an axis sets", () => {
    const titled = setAxis({}, "yAxis", { title: "Revenue", log: false });
    expect(titled).toEqual({ yAxis: { title: "Revenue" } });
    expect(setAxis(titled, "yAxis", { min: 0 })).toEqual({ yAxis: { title: "Revenue", min: 0 } });
    expect(setAxis(titled, "yAxis", { title: "" })).toEqual({});
    expect(setAxis({}, "xAxis", { log: true })).toEqual({ xAxis: { log: true } });
  });

  it("keeps only what the pivot sets", () => {
    const pivot = setPivot({}, { rows: ["region"], aggregate: "sum", totals: true });
    expect(pivot).toEqual({ pivot: { rows: ["region"] } });
    expect(setPivot(pivot, { aggregate: "avg", totals: false })).toEqual({ pivot: { rows: ["region"], aggregate: "avg", totals: false } });
    expect(setPivot(pivot, { rows: [] })).toEqual({});
  });

  it("drops pivot fields equal to what Spyglass picks, but keeps choosing none", () => {
    const picked = { rows: ["region"], columns: ["client"], value: "revenue" };
    expect(setPivot({}, { rows: ["region"], columns: ["client"], value: "revenue" }, picked)).toEqual({});
    expect(setPivot({}, { columns: [] }, picked)).toEqual({ pivot: { columns: [] } });
    expect(setPivot({}, { value: "orders" }, picked)).toEqual({ pivot: { value: "orders" } });
    // Other fields stay as they were.
    expect(setPivot({ pivot: { columns: ["client"], totals: false } }, { rows: ["day"] }, picked)).toEqual({
      pivot: { columns: ["client"], totals: false, rows: ["day"] },
    });
  });

  it("sets and resets series colours", () => {
    const one = setColor({}, "web", "#FF0000");
    expect(one).toEqual({ colors: { web: "#ff0000" } });
    expect(setColor(setColor(one, "ios", "#00ff00"), "web", undefined)).toEqual({ colors: { ios: "#00ff00" } });
    expect(setColor(one, "web", undefined)).toEqual({});
  });
});

describe("lists", () => {
  it("toggles names in the result's order, keeping names the result lacks", () => {
    expect(toggleInList(["c"], "a", true, ["a", "b", "c"])).toEqual(["a", "c"]);
    expect(toggleInList(["a", "c"], "a", false, ["a", "b", "c"])).toEqual(["c"]);
    expect(toggleInList(["gone", "b"], "a", true, ["a", "b"])).toEqual(["a", "b", "gone"]);
  });

  it("moves items up and down", () => {
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b"], 0, -1)).toEqual(["a", "b"]);
  });
});

describe("parseNumberInput", () => {
  it("reads numbers, blank as unset, and refuses the rest", () => {
    expect(parseNumberInput(" 12.5 ")).toBe(12.5);
    expect(parseNumberInput("-3")).toBe(-3);
    expect(parseNumberInput("1e3")).toBe(1000);
    expect(parseNumberInput("")).toBeUndefined();
    expect(parseNumberInput("12a")).toBeNull();
    expect(parseNumberInput("-")).toBeNull();
    expect(parseNumberInput("1,000")).toBeNull();
  });
});
