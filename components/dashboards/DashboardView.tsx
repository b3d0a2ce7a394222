"use client";

import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import type { DashboardTileView } from "@/lib/dashboards/get-dashboard-view";
import { GRID_COLUMNS, moveTile, nudgeSize, nudgeTile, readingOrder, resizeTile, samePositions, type Direction } from "@/lib/dashboards/layout/grid";
import { DashboardTile, type TileEditControls, type TileStatus } from "./DashboardTile";
import styles from "./dashboards.module.css";
import { tileName, toGridTiles, type GridTile } from "./grid-tiles";
import { publishRenderSignal } from "./render-signal";
import type { LayoutAction } from "./use-layout-editor";

/** What the grid needs of a dashboard: its tiles (from getDashboardView, or already as grid tiles). */
export interface GridSource {
  tiles: readonly (Omit<DashboardTileView, "kind"> & { kind: string })[];
}

/** Edit mode: the draft layout and where changes go. */
export interface GridEditing {
  tiles: GridTile[];
  dispatch: (action: LayoutAction) => void;
  announce: (message: string) => void;
  onRemove: (tile: GridTile) => void;
  /** A tile just added, whose text field takes the focus. */
  focusTileId: string | null;
}

/**
 * The grid of tiles, shared by the dashboard page and the snapshot render page (`snapshot`: no controls).
 * Tiles are listed in reading order (row, then column), which is also the order of the phone's single
 * column. With `editing`, the draft's positions are drawn and every tile gets its edit controls.
 */
export function DashboardGrid({
  view,
  now,
  snapshot = false,
  dataToggle = !snapshot,
  editing,
  tileMenu,
}: {
  view: GridSource;
  now: number;
  snapshot?: boolean;
  /** Offer each chart's data as a table. Default: not in snapshots (images); the public page turns it on. */
  dataToggle?: boolean;
  editing?: GridEditing;
  /** A chart tile's menu (star, history) on the interactive page; left out in snapshots and edit mode. */
  tileMenu?: (tile: GridTile) => ReactNode;
}) {
  const statuses = useRef(new Map<string, { status: TileStatus; error?: string }>());
  const viewTiles = useMemo(() => toGridTiles(view.tiles), [view.tiles]);
  const edit = snapshot ? undefined : editing;
  // Charts and results always come from the latest view; positions and texts from the draft when editing.
  const tiles = useMemo(() => {
    if (!edit) return readingOrder(viewTiles);
    const content = new Map(viewTiles.map((t) => [t.id, t]));
    return readingOrder(edit.tiles.map((t) => ({ ...t, chart: content.get(t.id)?.chart ?? t.chart, result: content.get(t.id)?.result ?? t.result })));
  }, [viewTiles, edit]);

  const onStatus = useCallback(
    (tileId: string, status: TileStatus, error?: string) => {
      const previous = statuses.current.get(tileId);
      if (previous?.status === status && previous.error === error) return;
      statuses.current.set(tileId, { status, error });
      const all = [...statuses.current.values()];
      publishRenderSignal({
        total: view.tiles.length,
        rendered: all.filter((s) => s.status === "rendered").length,
        failed: all.filter((s) => s.status === "failed").length,
        errors: all.flatMap((s) => (s.error ? [s.error] : [])),
      });
    },
    [view.tiles.length],
  );

  useEffect(() => {
    // Tiles that left the dashboard no longer count.
    const ids = new Set(view.tiles.map((t) => t.id));
    for (const id of statuses.current.keys()) if (!ids.has(id)) statuses.current.delete(id);
    if (view.tiles.length === 0) publishRenderSignal({ total: 0, rendered: 0, failed: 0, errors: ["The dashboard has no tiles."] });
  }, [view.tiles]);

  const gridRef = useRef<HTMLDivElement>(null);
  const controls = useEditControls(gridRef, edit);

  if (tiles.length === 0 && !edit) {
    return (
      <div className="card empty">
        <p>This dashboard has no charts yet.</p>
        <p>
          Open the <a href="/sql">SQL editor</a>, run a query, save it as a chart and choose &ldquo;Add to dashboard&rdquo;.
        </p>
      </div>
    );
  }
  return (
    <>
      <div ref={gridRef} className={`${styles.grid} ${edit ? styles.editingGrid : ""}`} data-editing={edit ? "" : undefined}>
        {tiles.map((tile) => (
          <DashboardTile
            key={tile.id}
            tile={tile}
            now={now}
            onStatus={onStatus}
            snapshot={snapshot}
            dataToggle={dataToggle}
            edit={controls?.(tile)}
            menu={!snapshot && !edit ? tileMenu?.(tile) : undefined}
          />
        ))}
        {edit && tiles.length === 0 && <p className={`muted ${styles.emptyEdit}`}>No tiles: add a text or a section header, or add charts from the SQL editor.</p>}
      </div>
      {edit && controls && (
        <p id={controls.helpId} className={styles.srOnly}>
          Drag to move. With the keyboard: arrow keys move the tile, Shift and arrow keys resize it; on the resize handle, arrow keys resize.
        </p>
      )}
    </>
  );
}

interface Gesture {
  id: string;
  mode: "move" | "resize";
  pointerId: number;
  startX: number;
  startY: number;
  tile: GridTile;
  origin: GridTile[];
  colStep: number;
  rowStep: number;
  result: GridTile[];
}

const ARROWS: Record<string, Direction> = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };

/** Pointer and keyboard handling of the edit controls; null outside edit mode. */
function useEditControls(gridRef: React.RefObject<HTMLDivElement | null>, edit: GridEditing | undefined) {
  const helpId = useId();
  const gesture = useRef<Gesture | null>(null);
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const refocus = useRef<{ id: string; handle: "move" | "resize" } | null>(null);
  const tiles = edit?.tiles;

  // Reordering tiles (they are listed in reading order) can take the focus away from the handle that
  // moved them; give it back.
  useEffect(() => {
    const target = refocus.current;
    if (!target || !gridRef.current) return;
    refocus.current = null;
    const selector = target.handle === "move" ? "[data-move-handle]" : "[data-resize-handle]";
    const el = gridRef.current.querySelector<HTMLElement>(`[data-tile-id="${CSS.escape(target.id)}"] ${selector}`);
    if (el && document.activeElement !== el) el.focus();
  }, [tiles, gridRef]);

  if (!edit || !tiles) return null;
  const { dispatch, announce } = edit;

  const where = (t: GridTile) => `column ${t.x + 1}, row ${t.y + 1}`;
  const size = (t: GridTile) => `${t.w} ${t.w === 1 ? "column" : "columns"} wide and ${t.h} ${t.h === 1 ? "row" : "rows"} tall`;

  function onHandlePointerDown(e: PointerEvent<HTMLButtonElement>, tile: GridTile, mode: "move" | "resize") {
    if (e.button !== 0 || !gridRef.current) return;
    e.preventDefault();
    e.currentTarget.focus();
    e.currentTarget.setPointerCapture(e.pointerId);
    const grid = gridRef.current;
    const css = getComputedStyle(grid);
    const columnGap = parseFloat(css.columnGap) || 0;
    const rowGap = parseFloat(css.rowGap) || 0;
    const rowHeight = parseFloat(css.gridAutoRows) || 72;
    gesture.current = {
      id: tile.id,
      mode,
      pointerId: e.pointerId,
      startX: e.clientX,
      startY: e.clientY,
      tile,
      origin: tiles!,
      colStep: (grid.getBoundingClientRect().width + columnGap) / GRID_COLUMNS,
      rowStep: rowHeight + rowGap,
      result: tiles!,
    };
    setDraggingId(tile.id);
    dispatch({ type: "begin" });
  }

  function onHandlePointerMove(e: PointerEvent<HTMLButtonElement>) {
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    const dx = Math.round((e.clientX - g.startX) / g.colStep);
    const dy = Math.round((e.clientY - g.startY) / g.rowStep);
    const next =
      g.mode === "move" ? moveTile(g.origin, g.id, { x: g.tile.x + dx, y: g.tile.y + dy }) : resizeTile(g.origin, g.id, { w: g.tile.w + dx, h: g.tile.h + dy });
    if (samePositions(next, g.result)) return;
    g.result = next;
    dispatch({ type: "preview", change: () => next });
  }

  function onHandlePointerUp(e: PointerEvent<HTMLButtonElement>) {
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    gesture.current = null;
    setDraggingId(null);
    dispatch({ type: "end" });
    const after = g.result.find((t) => t.id === g.id);
    if (!after || samePositions(g.result, g.origin)) return;
    const name = tileName(after);
    announce(g.mode === "move" ? `Moved ${name} to ${where(after)}.` : `${capitalize(name)} is now ${size(after)}.`);
  }

  function onHandleKeyDown(e: KeyboardEvent<HTMLButtonElement>, tile: GridTile, handle: "move" | "resize") {
    if (e.key === "Escape" && gesture.current) {
      // Cancel a drag in progress: back to where it started.
      const g = gesture.current;
      gesture.current = null;
      setDraggingId(null);
      dispatch({ type: "preview", change: () => g.origin });
      dispatch({ type: "end" });
      announce("Drag cancelled.");
      return;
    }
    const direction = ARROWS[e.key];
    if (!direction || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const resizing = handle === "resize" || e.shiftKey;
    const next = resizing ? nudgeSize(tiles!, tile.id, direction) : nudgeTile(tiles!, tile.id, direction);
    const after = next.find((t) => t.id === tile.id)!;
    const name = tileName(tile);
    if (samePositions(next, tiles!)) {
      announce(resizing ? `${capitalize(name)} cannot be resized further that way: it is ${size(after)}.` : `${capitalize(name)} cannot move further ${direction}.`);
      return;
    }
    refocus.current = { id: tile.id, handle };
    dispatch({ type: "apply", change: () => next });
    announce(resizing ? `${capitalize(name)} is now ${size(after)}.` : `Moved ${name} to ${where(after)}.`);
  }

  const build = (tile: GridTile): TileEditControls => ({
    name: tileName(tile),
    dragging: draggingId === tile.id,
    focusText: edit.focusTileId === tile.id,
    helpId,
    onHandlePointerDown: (e, mode) => onHandlePointerDown(e, tile, mode),
    onHandlePointerMove,
    onHandlePointerUp,
    onHandleKeyDown: (e, mode) => onHandleKeyDown(e, tile, mode),
    onRemove: () => edit.onRemove(tile),
    onTextFocus: () => dispatch({ type: "begin" }),
    onTextChange: (text) => dispatch({ type: "preview", change: (current) => current.map((t) => (t.id === tile.id ? { ...t, text } : t)) }),
    onTextBlur: () => dispatch({ type: "end" }),
  });
  return Object.assign(build, { helpId });
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Re-renders relative times ("updated 12 minutes ago") every 30 s. */
export function useNow(initial: number, intervalMs = 30_000) {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
