import { describe, expect, it } from "vitest";
import { moveTile } from "@/lib/dashboards/layout/grid";
import type { GridTile } from "./grid-tiles";
import { layoutReducer, type LayoutDraft } from "./use-layout-editor";

const tile = (id: string, x: number, y: number, w: number, h: number, text = ""): GridTile => ({ id, kind: "text", text, x, y, w, h, chart: null, result: null });
const start = () => layoutReducer(null, { type: "start", tiles: [tile("a", 0, 0, 6, 2), tile("b", 0, 2, 6, 2)], version: 7 })!;
const positions = (d: LayoutDraft | null) => d!.tiles.map((t) => `${t.id} ${t.x},${t.y}`);

describe("layoutReducer", () => {
  it("makes each change one undo step, and ignores changes that change nothing", () => {
    let d = start();
    d = layoutReducer(d, { type: "apply", change: (ts) => moveTile(ts, "b", { x: 0, y: 0 }) })!;
    expect(positions(d)).toEqual(["a 0,2", "b 0,0"]);
    expect(layoutReducer(d, { type: "apply", change: (ts) => ts.map((t) => ({ ...t })) })).toBe(d);
    d = layoutReducer(d, { type: "undo" })!;
    expect(positions(d)).toEqual(["a 0,0", "b 0,2"]);
    expect(d.past).toEqual([]);
  });

  it("turns a drag's many previews into one undo step", () => {
    let d = layoutReducer(start(), { type: "begin" })!;
    for (const x of [1, 2, 3]) d = layoutReducer(d, { type: "preview", change: (ts) => moveTile(ts, "a", { x, y: 0 }) })!;
    d = layoutReducer(d, { type: "end" })!;
    expect(positions(d)).toEqual(["a 3,0", "b 0,2"]);
    expect(d.past).toHaveLength(1);
    expect(positions(layoutReducer(d, { type: "undo" }))).toEqual(["a 0,0", "b 0,2"]);
  });

  it("records typing as one step when the field is left", () => {
    let d = layoutReducer(start(), { type: "begin" })!;
    for (const text of ["H", "Hi"]) d = layoutReducer(d, { type: "preview", change: (ts) => ts.map((t) => (t.id === "a" ? { ...t, text } : t)) })!;
    d = layoutReducer(d, { type: "end" })!;
    expect(d.tiles[0].text).toBe("Hi");
    expect(d.past).toHaveLength(1);
  });

  it("follows this user's own settings save, but not someone else's version", () => {
    const d = start();
    expect(layoutReducer(d, { type: "rebase", from: 7, to: 8 })!.baseVersion).toBe(8);
    expect(layoutReducer(d, { type: "rebase", from: 9, to: 10 })!.baseVersion).toBe(7);
  });
});
