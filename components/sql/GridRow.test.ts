import { describe, expect, it } from "vitest";
import { recycledRowKeys, type RowKeys } from "./GridRow";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("recycledRowKeys", () => {
  it("numbers the rows of the first render 0, 1, 2, …", () => {
    expect(recycledRowKeys({ start: 0, keys: [] }, 0, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it("gives the same keys for the same rows (a render React repeats or throws away changes nothing)", () => {
    const prev: RowKeys = { start: 40, keys: [7, 3, 9, 0, 1] };
    expect(recycledRowKeys(prev, 40, 5)).toEqual([7, 3, 9, 0, 1]);
  });

  it("keeps the keys of rows still in view and gives the rows that came in the keys of those that left, in order", () => {
    // Scrolled down by 2: rows 10 and 11 left, 15 and 16 came in; only their two elements move.
    expect(recycledRowKeys({ start: 10, keys: range(5) }, 12, 5)).toEqual([2, 3, 4, 0, 1]);
    // Scrolled up by 2 from there: rows 15 and 16 left, 10 and 11 came back.
    expect(recycledRowKeys({ start: 12, keys: [2, 3, 4, 0, 1] }, 10, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it("keeps every key in its place after a jump past every rendered row, so no element moves", () => {
    expect(recycledRowKeys({ start: 100, keys: [2, 3, 4, 0, 1] }, 5000, 5)).toEqual([2, 3, 4, 0, 1]);
    expect(recycledRowKeys({ start: 5000, keys: [2, 3, 4, 0, 1] }, 100, 5)).toEqual([2, 3, 4, 0, 1]);
  });

  it("adds unused keys when more rows are rendered and drops keys when fewer are", () => {
    expect(recycledRowKeys({ start: 10, keys: [4, 0, 2] }, 10, 6)).toEqual([4, 0, 2, 1, 3, 5]);
    expect(recycledRowKeys({ start: 10, keys: [4, 0, 2, 1, 3, 5] }, 12, 2)).toEqual([2, 1]);
    expect(recycledRowKeys({ start: 10, keys: [4, 0, 2] }, 500, 2)).toEqual([4, 0]);
  });

  it("never gives two rendered rows the same key", () => {
    let prev: RowKeys = { start: 0, keys: [] };
    // A walk of scrolls of every size, forwards and back, with the rendered count changing as it does at rest.
    let seed = 1;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let step = 0; step < 2000; step++) {
      const start = Math.max(0, Math.min(99_960, prev.start + Math.round((random() - 0.5) * (random() < 0.5 ? 10 : 400))));
      const count = 30 + Math.floor(random() * 14);
      const keys = recycledRowKeys(prev, start, count);
      expect(keys).toHaveLength(count);
      expect(new Set(keys).size).toBe(count);
      expect(Math.max(...keys)).toBeLessThan(43);
      prev = { start, keys };
    }
  });
});
