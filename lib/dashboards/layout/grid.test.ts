import { describe, expect, it } from "vitest";
import {
  appendTile,
  bottom,
  clampToGrid,
  compact,
  freeSlotAtBottom,
  layoutProblems,
  moveTile,
  nudgeSize,
  nudgeTile,
  overlaps,
  readingOrder,
  removeTile,
  resizeTile,
  type LayoutItem,
  type TileKind,
} from "./grid";

const t = (id: string, x: number, y: number, w: number, h: number, kind: TileKind = "chart"): LayoutItem => ({ id, kind, x, y, w, h });
/** "id x,y wxh" per tile, in the array's order: compact to read and exact. */
const show = (items: LayoutItem[]) => items.map((i) => `${i.id} ${i.x},${i.y} ${i.w}x${i.h}`);

describe("overlaps", () => {
  it("counts shared cells only; touching edges do not overlap", () => {
    expect(overlaps(t("a", 0, 0, 6, 2), t("b", 6, 0, 6, 2))).toBe(false);
    expect(overlaps(t("a", 0, 0, 6, 2), t("b", 0, 2, 6, 2))).toBe(false);
    expect(overlaps(t("a", 0, 0, 6, 2), t("b", 5, 1, 2, 2))).toBe(true);
    expect(overlaps(t("a", 2, 2, 1, 1), t("b", 0, 0, 12, 12))).toBe(true);
  });
});

describe("clampToGrid", () => {
  it("keeps sizes within the kind's limits and the tile inside the 12 columns", () => {
    expect(show([clampToGrid(t("a", 11, -3, 4, 1))])).toEqual(["a 8,0 4x2"]);
    expect(show([clampToGrid(t("a", 3, 2, 20, 30))])).toEqual(["a 0,2 12x24"]);
    expect(show([clampToGrid(t("h", 4, 5, 3, 9, "header"))])).toEqual(["h 0,5 12x2"]);
    expect(show([clampToGrid(t("x", 0, 0, 0, 0, "text"))])).toEqual(["x 0,0 1x1"]);
    expect(show([clampToGrid(t("a", 0.4, 2.6, 3.5, 2.2))])).toEqual(["a 0,3 4x2"]);
  });
});

describe("readingOrder", () => {
  it("sorts by row, then column, keeping the original order of ties", () => {
    const items = [t("c", 6, 4, 6, 2), t("a", 6, 0, 6, 2), t("b", 0, 0, 6, 4), t("d", 0, 4, 6, 2), t("e", 0, 4, 6, 2)];
    expect(readingOrder(items).map((i) => i.id)).toEqual(["b", "a", "d", "e", "c"]);
  });
});

describe("compact", () => {
  it("lets tiles rise into empty rows, in reading order, without passing each other", () => {
    const items = [t("a", 0, 3, 6, 2), t("b", 6, 5, 6, 2), t("c", 0, 9, 12, 1), t("d", 3, 12, 3, 2)];
    expect(show(compact(items))).toEqual(["a 0,0 6x2", "b 6,0 6x2", "c 0,2 12x1", "d 3,3 3x2"]);
  });

  it("pushes overlapping tiles down below the tile placed before them", () => {
    const items = [t("a", 0, 0, 12, 3), t("b", 0, 1, 6, 2), t("c", 6, 2, 6, 2)];
    expect(show(compact(items))).toEqual(["a 0,0 12x3", "b 0,3 6x2", "c 6,3 6x2"]);
  });

  it("does not let a small tile jump over a full-width header into a hole above it", () => {
    const items = [t("tall", 0, 0, 6, 6), t("short", 6, 0, 6, 2), t("h", 0, 6, 12, 1, "header"), t("s", 6, 7, 3, 2)];
    expect(show(compact(items))).toEqual(["tall 0,0 6x6", "short 6,0 6x2", "h 0,6 12x1", "s 6,7 3x2"]);
  });

  it("is idempotent", () => {
    const items = [t("a", 0, 5, 4, 3), t("b", 2, 1, 6, 2), t("c", 8, 9, 4, 4), t("d", 0, 2, 12, 1, "header")];
    const once = compact(items);
    expect(show(compact(once))).toEqual(show(once));
    expect(show(once)).toEqual(["a 0,3 4x3", "b 2,0 6x2", "c 8,3 4x4", "d 0,2 12x1"]);
  });
});

describe("moveTile", () => {
  const grid = [t("a", 0, 0, 6, 2), t("b", 6, 0, 6, 2), t("c", 0, 2, 12, 2), t("d", 0, 4, 6, 2)];

  it("pushes the tiles it lands on down, and the rest rise", () => {
    // c dragged to the top: a and b go below it, d follows.
    expect(show(moveTile(grid, "c", { x: 0, y: 0 }))).toEqual(["a 0,2 6x2", "b 6,2 6x2", "c 0,0 12x2", "d 0,4 6x2"]);
  });

  it("swaps with the tile below when dropped on that tile's row", () => {
    const stack = [t("a", 0, 0, 12, 2), t("b", 0, 2, 12, 4)];
    expect(show(moveTile(stack, "a", { x: 0, y: 2 }))).toEqual(["a 0,4 12x2", "b 0,0 12x4"]);
    // one row down is not past b: a floats back.
    expect(show(moveTile(stack, "a", { x: 0, y: 1 }))).toEqual(["a 0,0 12x2", "b 0,2 12x4"]);
  });

  it("swaps once dragged past the middle of the neighbouring tile, not before", () => {
    const stack = [t("a", 0, 0, 12, 4), t("b", 0, 4, 12, 2)];
    expect(show(moveTile(stack, "b", { x: 0, y: 1 }))).toEqual(["a 0,2 12x4", "b 0,0 12x2"]);
    expect(show(moveTile(stack, "b", { x: 0, y: 2 }))).toEqual(["a 0,0 12x4", "b 0,4 12x2"]);
    const down = [t("a", 0, 0, 12, 2), t("b", 0, 2, 12, 1), t("c", 0, 3, 12, 4)];
    expect(show(moveTile(down, "a", { x: 0, y: 1 }))).toEqual(["a 0,1 12x2", "b 0,0 12x1", "c 0,3 12x4"]);
    expect(show(moveTile(down, "a", { x: 0, y: 3 }))).toEqual(["a 0,5 12x2", "b 0,0 12x1", "c 0,1 12x4"]);
    expect(show(moveTile(down, "a", { x: 0, y: 2 }))).toEqual(["a 0,1 12x2", "b 0,0 12x1", "c 0,3 12x4"]);
  });

  it("moves into free columns, and empty space below fills upward", () => {
    expect(show(moveTile(grid, "d", { x: 6, y: 9 }))).toEqual(["a 0,0 6x2", "b 6,0 6x2", "c 0,2 12x2", "d 6,4 6x2"]);
  });

  it("snaps positions outside the grid back into it", () => {
    expect(show(moveTile(grid, "a", { x: 9, y: -4 }))).toEqual(["a 6,0 6x2", "b 6,2 6x2", "c 0,4 12x2", "d 0,6 6x2"]);
  });

  it("keeps section headers at the left edge", () => {
    const items = [t("h", 0, 0, 12, 1, "header"), t("a", 0, 1, 6, 2)];
    expect(show(moveTile(items, "h", { x: 5, y: 3 }))).toEqual(["h 0,2 12x1", "a 0,0 6x2"]);
  });
});

describe("resizeTile", () => {
  it("pushes tiles in the way down and clips the width at the right edge", () => {
    const items = [t("a", 0, 0, 6, 2), t("b", 6, 0, 6, 2), t("c", 0, 2, 6, 2)];
    expect(show(resizeTile(items, "a", { w: 8, h: 3 }))).toEqual(["a 0,0 8x3", "b 6,3 6x2", "c 0,3 6x2"]);
    expect(show(resizeTile(items, "b", { w: 9, h: 2 }))).toEqual(["a 0,0 6x2", "b 6,0 6x2", "c 0,2 6x2"]);
  });

  it("respects the kind's minimum size and lets the tiles below rise when shrinking", () => {
    const items = [t("a", 0, 0, 6, 4), t("b", 0, 4, 6, 2)];
    expect(show(resizeTile(items, "a", { w: 1, h: 1 }))).toEqual(["a 0,0 2x2", "b 0,2 6x2"]);
  });
});

describe("nudgeTile (keyboard)", () => {
  const grid = [t("a", 0, 0, 12, 2), t("b", 0, 2, 6, 4), t("c", 6, 2, 6, 2), t("d", 6, 4, 6, 2)];

  it("moves down past the next tiles below in one key press", () => {
    expect(show(nudgeTile(grid, "a", "down"))).toEqual(["a 0,4 12x2", "b 0,0 6x4", "c 6,0 6x2", "d 6,6 6x2"]);
  });

  it("moves up above the tile above", () => {
    expect(show(nudgeTile(grid, "c", "up"))).toEqual(["a 0,2 12x2", "b 0,4 6x4", "c 6,0 6x2", "d 6,4 6x2"]);
  });

  it("changes nothing at the top or bottom edge", () => {
    expect(show(nudgeTile(grid, "a", "up"))).toEqual(show(grid));
    expect(show(nudgeTile([t("a", 0, 0, 12, 2), t("b", 0, 2, 12, 2)], "b", "down"))).toEqual(["a 0,0 12x2", "b 0,2 12x2"]);
  });

  it("moves one column sideways, stopping at the edges", () => {
    expect(show(nudgeTile(grid, "c", "left"))).toEqual(["a 0,0 12x2", "b 0,4 6x4", "c 5,2 6x2", "d 6,4 6x2"]);
    expect(show(nudgeTile(grid, "c", "right"))).toEqual(show(grid));
  });
});

describe("nudgeSize (keyboard)", () => {
  it("grows and shrinks by one column or row", () => {
    const items = [t("a", 0, 0, 6, 2), t("b", 0, 2, 6, 2)];
    expect(show(nudgeSize(items, "a", "right"))).toEqual(["a 0,0 7x2", "b 0,2 6x2"]);
    expect(show(nudgeSize(items, "a", "down"))).toEqual(["a 0,0 6x3", "b 0,3 6x2"]);
    expect(show(nudgeSize(items, "a", "up"))).toEqual(["a 0,0 6x2", "b 0,2 6x2"]);
    expect(show(nudgeSize(items, "b", "left"))).toEqual(["a 0,0 6x2", "b 0,2 5x2"]);
  });
});

describe("removeTile", () => {
  it("lets the tiles below rise into the gap", () => {
    const items = [t("a", 0, 0, 12, 3), t("b", 0, 3, 6, 2), t("c", 6, 3, 6, 4)];
    expect(show(removeTile(items, "a"))).toEqual(["b 0,0 6x2", "c 6,0 6x4"]);
  });
});

describe("placing new tiles", () => {
  it("uses a free slot on the last row, else starts a new row", () => {
    expect(freeSlotAtBottom([], { w: 6, h: 4 })).toEqual({ x: 0, y: 0 });
    expect(freeSlotAtBottom([t("a", 0, 0, 6, 4)], { w: 6, h: 4 })).toEqual({ x: 6, y: 0 });
    expect(freeSlotAtBottom([t("a", 0, 0, 6, 4), t("b", 6, 0, 6, 4)], { w: 6, h: 4 })).toEqual({ x: 0, y: 4 });
    expect(freeSlotAtBottom([t("a", 0, 0, 6, 4)], { w: 12, h: 1 })).toEqual({ x: 0, y: 4 });
  });

  it("never lands on a taller tile from an earlier row", () => {
    // The last row is a alone; b (rows 2-3) sits beside it, so the right half at row 0 is not free.
    const items = [t("a", 0, 0, 6, 6), t("b", 6, 2, 6, 2)];
    expect(freeSlotAtBottom(items, { w: 6, h: 4 })).toEqual({ x: 0, y: 6 });
  });

  it("appends with the kind's limits applied", () => {
    const items = appendTile([t("a", 0, 0, 6, 4)], { id: "h", kind: "header", w: 3, h: 1 });
    expect(show(items)).toEqual(["a 0,0 6x4", "h 0,4 12x1"]);
    expect(bottom(items)).toBe(5);
  });
});

describe("layoutProblems", () => {
  it("accepts a valid layout", () => {
    expect(layoutProblems([t("a", 0, 0, 6, 4), t("b", 6, 0, 6, 4), t("h", 0, 4, 12, 1, "header")])).toEqual([]);
  });

  it("names each problem and the tile it is about", () => {
    expect(
      layoutProblems([t("a", 0, 0, 6, 4), t("b", 4, 2, 6, 4), t("c", 10, 6, 4, 1), t("h", 0, 9, 6, 3, "header"), t("x", 0, 999, 2, 2, "text")]),
    ).toEqual([
      "Tile 3 (chart at column 11, row 7): charts are 2 to 24 rows tall, not 1.",
      "Tile 3 (chart at column 11, row 7): it reaches column 14, past the grid's 12 columns.",
      "Tile 4 (header at column 1, row 10): section headers span the full width (12 columns), not 6.",
      "Tile 4 (header at column 1, row 10): section headers are 1 to 2 rows tall, not 3.",
      "Tile 5 (text at column 1, row 1000): it reaches row 1001, past the grid's 1000 rows.",
      "Tile 1 (chart at column 1, row 1) overlaps tile 2 (chart at column 5, row 3): tiles may not cover each other.",
    ]);
  });
});
