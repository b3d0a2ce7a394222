import { describe, expect, it } from "vitest";
import type { QueryResult } from "@/lib/warehouse/types";
import { ResultCache, estimateSize } from "./result-cache";

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

const result = (value: string): QueryResult => ({
  columns: [{ name: "v", type: "string", dbType: "text" }],
  rows: [[value]],
  rowCount: 1,
  truncated: false,
  durationMs: 1,
});
const at = new Date("2026-12-04T08:00:00Z");

describe("ResultCache", () => {
  it("keeps results with the time they were computed", () => {
    const cache = new ResultCache(1_000);
    cache.set("a", { result: result("x"), computedAt: at });
    expect(cache.get("a")).toEqual({ result: result("x"), computedAt: at });
    expect(cache.get("b")).toBeUndefined();
    expect(cache.bytes).toBe(estimateSize(result("x")));
  });

  it("evicts the least recently used results when the total passes the cap", () => {
    const size = estimateSize(result("1"));
    const cache = new ResultCache(size * 2);
    cache.set("one", { result: result("1"), computedAt: at });
    cache.set("two", { result: result("2"), computedAt: at });
    cache.get("one"); // "two" is now the least recently used
    cache.set("three", { result: result("3"), computedAt: at });
    expect([cache.get("one")?.result.rows, cache.get("two"), cache.get("three")?.result.rows]).toEqual([[["1"]], undefined, [["3"]]]);
    expect(cache.bytes).toBe(size * 2);
  });

  it("never keeps a result larger than the whole cap, and replacing a key does not count it twice", () => {
    const cache = new ResultCache(100);
    cache.set("big", { result: result("x".repeat(100)), computedAt: at });
    expect(cache.get("big")).toBeUndefined();
    expect(cache.bytes).toBe(0);
    cache.set("k", { result: result("a"), computedAt: at });
    cache.set("k", { result: result("b"), computedAt: at });
    expect(cache.bytes).toBe(estimateSize(result("b")));
  });

  it("forgets the results of one owner (a data source whose settings changed) and keeps the others", () => {
    const cache = new ResultCache(10_000);
    cache.set("a1", { result: result("1"), computedAt: at }, "source-a");
    cache.set("b1", { result: result("2"), computedAt: at }, "source-b");
    cache.set("a2", { result: result("3"), computedAt: at }, "source-a");
    cache.deleteOwnedBy("source-a");
    expect([cache.get("a1"), cache.get("a2"), cache.get("b1")?.result.rows]).toEqual([undefined, undefined, [["2"]]]);
    expect(cache.bytes).toBe(estimateSize(result("2")));
  });
});
