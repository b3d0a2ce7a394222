"use client";
// The layout being edited: a draft of every tile, the version it started from, and an undo history.
// Nothing reaches the server until "Save layout"; drags and typing are one undo step each.
import { useReducer } from "react";
import type { GridTile } from "./grid-tiles";

export interface LayoutDraft {
  tiles: GridTile[];
  /** The dashboard version the edit started from; the save sends it so a newer save is never overwritten. */
  baseVersion: number;
  past: GridTile[][];
  /** The tiles before the drag or text edit in progress, if any. */
  origin: GridTile[] | null;
}

export type LayoutAction =
  | { type: "start"; tiles: GridTile[]; version: number }
  | { type: "stop" }
  /** One undoable change. */
  | { type: "apply"; change: (tiles: GridTile[]) => GridTile[] }
  /** A drag or text edit begins, continues, ends: many previews, one undo step. */
  | { type: "begin" }
  | { type: "preview"; change: (tiles: GridTile[]) => GridTile[] }
  | { type: "end" }
  | { type: "undo" }
  /** This user saved something else (settings) from the same version: keep the layout edit current. */
  | { type: "rebase"; from: number; to: number };

const unchanged = (a: GridTile[], b: GridTile[]) =>
  a.length === b.length && a.every((t, i) => t === b[i] || (t.id === b[i].id && t.x === b[i].x && t.y === b[i].y && t.w === b[i].w && t.h === b[i].h && t.text === b[i].text));

export function layoutReducer(state: LayoutDraft | null, action: LayoutAction): LayoutDraft | null {
  if (action.type === "start") return { tiles: action.tiles, baseVersion: action.version, past: [], origin: null };
  if (!state || action.type === "stop") return null;
  switch (action.type) {
    case "apply": {
      const tiles = action.change(state.tiles);
      return unchanged(tiles, state.tiles) ? state : { ...state, tiles, past: [...state.past, state.tiles] };
    }
    case "begin":
      return { ...state, origin: state.tiles };
    case "preview":
      return { ...state, tiles: action.change(state.tiles) };
    case "end":
      if (!state.origin) return state;
      return unchanged(state.tiles, state.origin) ? { ...state, origin: null } : { ...state, origin: null, past: [...state.past, state.origin] };
    case "undo":
      if (state.past.length === 0) return state;
      return { ...state, tiles: state.past[state.past.length - 1], past: state.past.slice(0, -1), origin: null };
    case "rebase":
      return state.baseVersion === action.from ? { ...state, baseVersion: action.to } : state;
  }
}

export function useLayoutEditor() {
  const [draft, dispatch] = useReducer(layoutReducer, null);
  // A text being typed counts before its field is left, so "Save layout" is enabled while typing.
  const dirty = Boolean(draft && (draft.past.length > 0 || (draft.origin !== null && draft.origin !== draft.tiles)));
  return { draft, dispatch, dirty };
}
