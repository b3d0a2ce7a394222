import { describe, expect, it } from "vitest";
import { sampleAlignedPositions, stridePositions } from "./sampling";

describe("sampling", () => {
  it("keeps everything under the limit", () => {
    expect(sampleAlignedPositions([[1, 2, 3]], 3, 10, true)).toEqual([0, 1, 2]);
    expect(stridePositions(3, 10)).toEqual([0, 1, 2]);
  });

  it("keeps the first, the last, and each bucket's minimum and maximum of every series", () => {
    // limit 6 → (6 - 2) / 2 = 2 buckets over positions 1..8: [1, 5) and [5, 9).
    const a = [0, 5, 1, 9, 2, 3, 8, 3, 4, 7];
    expect(sampleAlignedPositions([a], 10, 6, false)).toEqual([0, 2, 3, 5, 6, 9]);
    // Two series share one set of positions, each keeping its own extremes (1 bucket each).
    const b = [0, 1, 1, 1, 1, 1, 1, 1, -5, 0];
    expect(sampleAlignedPositions([a, b], 10, 6, false)).toEqual([0, 1, 2, 3, 8, 9]);
  });

  it("keeps a missing value per bucket so a line still breaks there", () => {
    const a = [0, 5, null, 9, 2, 3, 8, 3, 4, 7];
    // limit 8 → (8 - 2) / 3 = 2 buckets.
    expect(sampleAlignedPositions([a], 10, 8, true)).toEqual([0, 2, 3, 4, 5, 6, 9]);
    // Without it: 3 buckets of min and max, and the missing position is dropped.
    expect(sampleAlignedPositions([a], 10, 8, false)).toEqual([0, 1, 3, 4, 6, 7, 9]);
  });

  it("stride positions are spread evenly", () => {
    expect(stridePositions(10, 4)).toEqual([0, 2, 5, 7]);
  });
});
