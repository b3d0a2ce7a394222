import { describe, expect, it } from "vitest";
import { paramsKeyOf } from "./params-key";

describe("paramsKeyOf", () => {
  it("is empty for no values: the result refreshes keep", () => {
    expect(paramsKeyOf({})).toBe("");
  });

  it("is stable: the same values give the same key whatever their order, across runs", () => {
    const a = paramsKeyOf({ period: { start: "2024-03-07", end: "2024-03-14" }, region: ["APAC", "EMEA"], q: "x" });
    const b = paramsKeyOf({ q: "x", region: ["APAC", "EMEA"], period: { end: "2024-03-14", start: "2024-03-07" } });
    expect(a).toBe(b);
    expect(a).toMatch(/^p1:[0-9a-f]{40}$/);
    // Pinned: sha256 of the canonical JSON [["q","x"]]. Changing the scheme must bump the "p1:" prefix.
    expect(paramsKeyOf({ q: "x" })).toBe("p1:5a57be2ec3baa92fd066b1d6b6ed684dc9dd46a5");
  });

  it("differs when any value differs", () => {
    const keys = [
      paramsKeyOf({ q: "x" }),
      paramsKeyOf({ q: "y" }),
      paramsKeyOf({ r: "x" }),
      paramsKeyOf({ q: ["x"] }),
      paramsKeyOf({ q: 1 }),
      paramsKeyOf({ q: "1" }),
      paramsKeyOf({ p: { start: "2024-01-01", end: "2024-02-01" } }),
      paramsKeyOf({ p: ["2024-01-01", "2024-02-01"] }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
