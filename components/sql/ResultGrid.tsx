"use client";
// The result of a run as a virtualized grid: 100,000 rows scroll smoothly because only the visible rows and
// columns are in the DOM (the rows are GridRow.tsx). Sticky header with each column's type, client-side sort,
// resizable columns, cell and row selection with copy.
import { useVirtualizer, type Range, type Virtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { QueryResult } from "@/lib/warehouse/types";
import { copyText } from "@/components/ui/copy-text";
import { copyValue, displayValue, sortRows, typeLabel, type SortDirection } from "./grid-format";
import { cellId, GridRow, recycledRowKeys, ROW_HEIGHT, type RowKeys } from "./GridRow";
import styles from "./grid.module.css";

const HEADER_HEIGHT = 44;
const MIN_WIDTH = 60;
const OVERSCAN_AHEAD = 12;
const OVERSCAN_BEHIND = 2;
const MAX_INITIAL_WIDTH = 360;

type Selection = { kind: "cell"; row: number; col: number } | { kind: "row"; row: number } | null;

function initialWidths(result: QueryResult): number[] {
  // Width from the header and the first rows' text, so most columns need no resizing.
  const sample = result.rows.slice(0, 50);
  return result.columns.map((c, i) => {
    let chars = Math.max(c.name.length, typeLabel(c.dbType).length + 2);
    for (const r of sample) chars = Math.max(chars, displayValue(r[i], c).length);
    return Math.min(MAX_INITIAL_WIDTH, Math.max(MIN_WIDTH + 20, chars * 7.6 + 28));
  });
}

/**
 * The rows to render: the visible ones, OVERSCAN_AHEAD more on the side the grid scrolls towards (shown by the
 * compositor if a frame's render is late) and only OVERSCAN_BEHIND on the side it leaves; at rest, AHEAD both
 * ways. A fast scroll replaces every rendered row on every frame, so rows behind the scroll were pure cost.
 */
function extractRowsAheadOfScroll(direction: () => "forward" | "backward" | null) {
  return (range: Range): number[] => {
    const dir = direction();
    const before = dir === "forward" ? OVERSCAN_BEHIND : OVERSCAN_AHEAD;
    const after = dir === "backward" ? OVERSCAN_BEHIND : OVERSCAN_AHEAD;
    const start = Math.max(range.startIndex - before, 0);
    const end = Math.min(range.endIndex + after, range.count - 1);
    return Array.from({ length: Math.max(0, end - start + 1) }, (_, i) => start + i);
  };
}

export function ResultGrid({ result, height = 480 }: { result: QueryResult; height?: number }) {
  const { columns, rows } = result;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [sort, setSort] = useState<{ col: number; dir: SortDirection } | null>(null);
  const [widths, setWidths] = useState(() => initialWidths(result));
  const [selection, setSelection] = useState<Selection>(null);
  const [prevResult, setPrevResult] = useState(result);
  if (prevResult !== result) {
    // A new result: its own widths, no sort or selection carried over.
    setPrevResult(result);
    setWidths(initialWidths(result));
    setSort(null);
    setSelection(null);
  }

  const order = useMemo(() => (sort ? sortRows(rows, sort.col, columns[sort.col], sort.dir) : null), [rows, columns, sort]);
  const rowAt = useCallback((display: number) => rows[order ? order[display] : display], [rows, order]);
  const rowNumberWidth = Math.max(48, String(rows.length).length * 8 + 24);

  // Read by the range extractor (stable, so the virtualizer's memos hold) when the virtualizer computes its range.
  const rowVirtualizerRef = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  const [rangeExtractor] = useState(() => extractRowsAheadOfScroll(() => rowVirtualizerRef.current?.scrollDirection ?? null));
  // The virtualizers' functions change identity on every scroll; React Compiler skips this component (fine:
  // the grid re-renders only for what is visible, and the rows are memoized by hand).
  // eslint-disable-next-line react-hooks/incompatible-library
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    overscan: OVERSCAN_AHEAD,
    rangeExtractor,
  });
  useEffect(() => {
    rowVirtualizerRef.current = rowVirtualizer;
  }, [rowVirtualizer]);
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => widths[i] ?? 120,
    paddingStart: rowNumberWidth,
    overscan: 3,
  });
  useEffect(() => {
    columnVirtualizer.measure();
  }, [widths, columnVirtualizer]);

  const totalWidth = columnVirtualizer.getTotalSize();
  const totalHeight = rowVirtualizer.getTotalSize();
  const virtualRows = rowVirtualizer.getVirtualItems();
  const virtualCols = columnVirtualizer.getVirtualItems();
  const leftSpace = virtualCols.length ? virtualCols[0].start - rowNumberWidth : 0;
  // The rows' keys follow from the previous render's (GridRow.tsx, recycledRowKeys; the rendered rows are one run of
  // consecutive indexes, as extractRowsAheadOfScroll returns them). Kept in a ref during render:
  // a render React throws away only makes the next one's reuse less good; the keys are unique either way.
  const rowKeysRef = useRef<RowKeys>({ start: 0, keys: [] });
  const rowKeys = recycledRowKeys(rowKeysRef.current, virtualRows[0]?.index ?? 0, virtualRows.length);
  rowKeysRef.current = { start: virtualRows[0]?.index ?? 0, keys: rowKeys };
  // Text dragged-selected in the rows stays on their elements, which a scroll recycles to show other rows: it is
  // dropped when the rows move (before the frame is drawn), as it was when scrolled-out rows were removed.
  const rowsRef = useRef<HTMLDivElement>(null);
  const firstRow = virtualRows[0]?.index ?? 0;
  useLayoutEffect(() => {
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed && rowsRef.current && selection.containsNode(rowsRef.current, true)) selection.removeAllRanges();
  }, [firstRow]);
  // No hit testing of the rows while the grid scrolls: rows passing under a still pointer sent pointerover/out
  // (and hover restyles) on every frame of a wheel scroll.
  const scrolling = rowVirtualizer.isScrolling || columnVirtualizer.isScrolling;

  // One handler for every cell and row number (the rows are recycled: see GridRow.tsx). The DOM holds the last
  // commit, so the clicked element's aria indexes are the row and column it shows.
  function onRowsClick(e: React.MouseEvent) {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[role="gridcell"], [role="rowheader"]');
    const rowIndex = Number(target?.parentElement?.getAttribute("aria-rowindex"));
    if (!target || !Number.isInteger(rowIndex)) return;
    const row = rowIndex - 2;
    if (target.getAttribute("role") === "rowheader") setSelection({ kind: "row", row });
    else setSelection({ kind: "cell", row, col: Number(target.getAttribute("aria-colindex")) - 2 });
    scrollRef.current?.focus({ preventScroll: true });
  }

  function toggleSort(col: number) {
    setSort((s) => (!s || s.col !== col ? { col, dir: "asc" } : s.dir === "asc" ? { col, dir: "desc" } : null));
  }

  function startResize(e: React.PointerEvent, col: number) {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const startWidth = widths[col];
    const target = e.currentTarget as HTMLElement;
    target.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => {
      const w = Math.max(MIN_WIDTH, Math.round(startWidth + ev.clientX - startX));
      setWidths((ws) => ws.map((x, i) => (i === col ? w : x)));
    };
    const up = () => {
      target.removeEventListener("pointermove", move);
      target.removeEventListener("pointerup", up);
    };
    target.addEventListener("pointermove", move);
    target.addEventListener("pointerup", up);
  }

  function selectedText(): string | null {
    if (!selection) return null;
    const row = rowAt(selection.row);
    if (!row) return null;
    if (selection.kind === "cell") return copyValue(row[selection.col], columns[selection.col]);
    return columns.map((c, i) => copyValue(row[i], c)).join("\t");
  }

  function onCopy(e: React.ClipboardEvent) {
    const text = selectedText();
    if (text === null) return;
    e.preventDefault();
    e.clipboardData.setData("text/plain", text);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (!selection) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      const row = Math.min(rows.length - 1, Math.max(0, selection.row + move[0]));
      if (selection.kind === "row") {
        setSelection({ kind: "row", row });
        rowVirtualizer.scrollToIndex(row);
        return;
      }
      const col = Math.min(columns.length - 1, Math.max(0, selection.col + move[1]));
      setSelection({ kind: "cell", row, col });
      rowVirtualizer.scrollToIndex(row);
      columnVirtualizer.scrollToIndex(col);
    } else if (e.key === "Escape") {
      setSelection(null);
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "c" && !window.getSelection()?.toString()) {
      // Chromium fires `copy` on the focused grid; this also covers browsers that do not.
      const text = selectedText();
      if (text !== null) void copyText(text);
    }
  }

  const activeCell = selection?.kind === "cell" ? cellId(selection.row, selection.col) : undefined;

  return (
    <div
      ref={scrollRef}
      className={styles.grid}
      style={{ maxHeight: height }}
      role="grid"
      aria-label="Query result"
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      aria-multiselectable={false}
      tabIndex={0}
      onCopy={onCopy}
      onKeyDown={onKeyDown}
      aria-activedescendant={activeCell}
    >
      <div className={`${styles.canvas}${scrolling ? ` ${styles.scrolling}` : ""}`} style={{ width: totalWidth, height: totalHeight }}>
        <div role="row" aria-rowindex={1} className={styles.headerRow} style={{ width: totalWidth, height: HEADER_HEIGHT }}>
          <div role="columnheader" aria-colindex={1} className={styles.corner} style={{ width: rowNumberWidth }}>
            #
          </div>
          {virtualCols.map((vc) => {
            const c = columns[vc.index];
            const sorted = sort?.col === vc.index ? sort.dir : null;
            return (
              <div
                key={vc.key}
                role="columnheader"
                aria-colindex={vc.index + 2}
                aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                className={`${styles.header} ${c.type === "number" ? styles.num : ""}`}
                style={{ left: vc.start, width: vc.size }}
                title={`${c.name} (${typeLabel(c.dbType)}) — click to sort`}
              >
                <button type="button" className={styles.sortButton} onClick={() => toggleSort(vc.index)}>
                  <span className={styles.colName}>
                    {c.name}
                    <span className={styles.sortMark} aria-hidden="true">
                      {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
                    </span>
                  </span>
                  <span className={styles.colType}>{typeLabel(c.dbType)}</span>
                </button>
                <span
                  className={styles.resizer}
                  onPointerDown={(e) => startResize(e, vc.index)}
                  role="separator"
                  aria-orientation="vertical"
                  aria-label={`Resize ${c.name}`}
                />
              </div>
            );
          })}
        </div>
        {/* Rows in normal flow in one positioned box: not a paint layer each. Recycled keys: a scroll updates the
            same elements instead of replacing them (GridRow.tsx). */}
        <div ref={rowsRef} className={styles.rows} style={{ top: virtualRows[0]?.start ?? 0, width: totalWidth }} onClick={onRowsClick}>
          {virtualRows.map((vr, slot) => (
            <GridRow
              key={rowKeys[slot]}
              index={vr.index}
              values={rowAt(vr.index)}
              columns={columns}
              visibleColumns={virtualCols}
              leftSpace={leftSpace}
              width={totalWidth}
              rowNumberWidth={rowNumberWidth}
              rowSelected={selection?.kind === "row" && selection.row === vr.index}
              selectedColumn={selection?.kind === "cell" && selection.row === vr.index ? selection.col : -1}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
