import { describe, expect, it } from "vitest";
import { createTab, guessParameterType, parameterSpecsToSave, parameterStateFromSpecs, parametersForRun, toParameterInput, toParameterValue } from "./tabs";

describe("parameter values", () => {
  it("turns inputs into the run API's values", () => {
    expect(toParameterValue("text", "web")).toBe("web");
    expect(toParameterValue("text", "")).toBeNull();
    expect(toParameterValue("number", "42")).toBe(42);
    expect(toParameterValue("list", " web, iphone ,,")).toEqual(["web", "iphone"]);
    expect(toParameterValue("date_range", { start: "2024-01-01", end: "2024-02-01" })).toEqual({ start: "2024-01-01", end: "2024-02-01" });
    expect(toParameterValue("date_range", { start: "", end: "" })).toBeNull();
  });

  it("round-trips history values into inputs", () => {
    expect(toParameterInput(["a", "b"])).toBe("a, b");
    expect(toParameterInput({ start: "2024-01-01", end: "2024-01-31" })).toEqual({ start: "2024-01-01", end: "2024-01-31" });
    expect(toParameterInput(7)).toBe("7");
  });

  it("guesses types from names and builds specs for a run", () => {
    expect(guessParameterType("start_date")).toBe("date");
    expect(guessParameterType("signup_range")).toBe("date_range");
    expect(guessParameterType("client")).toBe("text");
    const tab = { ...createTab("ds", []), parameterTypes: { n: "number" as const }, parameterInputs: { client: "web", n: "5" } };
    expect(parametersForRun(tab, ["client", "n"])).toEqual({
      parameters: [{ name: "client", type: "text" }, { name: "n", type: "number" }],
      values: { client: "web", n: 5 },
    });
  });

  it("names new tabs without clashing", () => {
    const a = createTab("ds", []);
    const b = createTab("ds", [a]);
    expect([a.title, b.title]).toEqual(["Query 1", "Query 2"]);
  });
});

describe("parameters saved with a chart", () => {
  it("saves each used parameter's type with the current input as its default", () => {
    const tab = {
      ...createTab("ds", []),
      parameterTypes: { since: "date" as const, channels: "list" as const, country: "text" as const },
      parameterInputs: { since: "2024-01-01", channels: "web, iphone", country: "", unused: "x" },
    };
    expect(parameterSpecsToSave(tab, ["since", "channels", "country"])).toEqual([
      { name: "since", type: "date", default: "2024-01-01" },
      { name: "channels", type: "list", default: ["web", "iphone"] },
      { name: "country", type: "text" },
    ]);
  });

  it("opens a saved chart with its parameters' types and defaults as inputs", () => {
    expect(
      parameterStateFromSpecs([
        { name: "range", type: "date_range", default: { start: "2024-01-01", end: "2024-01-31" } },
        { name: "n", type: "number", default: 5 },
        { name: "q", type: "text" },
      ]),
    ).toEqual({
      parameterTypes: { range: "date_range", n: "number", q: "text" },
      parameterInputs: { range: { start: "2024-01-01", end: "2024-01-31" }, n: "5", q: "" },
    });
  });
});
