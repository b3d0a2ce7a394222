import { describe, expect, it } from "vitest";
import type { QueryResult } from "@/lib/warehouse/types";
import { estimateSize, ResultCache } from "./result-cache";

function resultOf(rows: unknown[][]): QueryResult {
  return { columns: [{ name: "id", type: "int4" }, { name: "label", type: "text" }], rows } as unknown as QueryResult;
}

const jsonLength = (r: QueryResult) => JSON.stringify(r.rows).length + JSON.stringify(r.columns).length;

describe("estimateSize", () => {
  it("is the exact JSON length up to 1,000 rows", () => {
    for (const n of [0, 1, 2, 1000]) {
      const r = resultOf(Array.from({ length: n }, (_, i) => [i, `row ${i} "é"`]));
      expect(estimateSize(r)).toBe(jsonLength(r));
    }
  });

  it("extrapolates from a sample beyond, and is exact when the rows are alike", () => {
    const alike = resultOf(Array.from({ length: 100_000 }, () => [12345, "same width"]));
    expect(estimateSize(alike)).toBe(jsonLength(alike));
    // Widths that repeat with the sampling stride's period must not fool it.
    for (const period of [7, 50, 100]) {
      const varied = resultOf(Array.from({ length: 100_000 }, (_, i) => [i, "x".repeat(i % period)]));
      expect(Math.abs(estimateSize(varied) / jsonLength(varied) - 1)).toBeLessThan(0.02);
    }
  });
});

describe("ResultCache", () => {
  it("evicts the least recently used results beyond its size", () => {
    const cache = new ResultCache(100);
    const at = new Date("2026-12-04T00:00:00Z");
    cache.set("a", { result: resultOf([]), computedAt: at }, 40);
    cache.set("b", { result: resultOf([]), computedAt: at }, 40);
    expect(cache.get("a")?.computedAt).toBe(at); // a is now the most recently used
    cache.set("c", { result: resultOf([]), computedAt: at }, 40);
    expect([cache.get("a") !== undefined, cache.get("b") !== undefined, cache.get("c") !== undefined]).toEqual([true, false, true]);
    expect(cache.bytes).toBe(80);
  });
});
