"use client";
// One row of the result grid. Rows are in normal flow (ResultGrid positions the block of them) and cells are flex
// items in the row: positioned rows and cells were a paint layer each, ~170 of them, repainted on every row swap.
//
// Recycled: ResultGrid keys the rows with recycledRowKeys (below), so a scroll keeps the same row elements and
// only changes their text and attributes, and a cell is keyed by its slot among the visible columns. Keyed by data
// row, a fast scroll (every rendered row new on every frame) removed ~33 rows and created ~33 new ones per frame:
// new elements, their style from scratch and their layout objects (bench/README.md, "Result grid scrolling").
// Memoized, so a row that keeps its element and data row is not rendered again. Clicks are handled once, by
// ResultGrid, from the cell's aria indexes: no closure per cell to recreate on every update.
import { memo } from "react";
import type { VirtualItem } from "@tanstack/react-virtual";
import type { ResultColumn } from "@/lib/warehouse/types";
import { cellTitle, displayValue } from "./grid-format";
import styles from "./grid.module.css";

export const ROW_HEIGHT = 28;

export interface GridRowProps {
  /** Position in the displayed (possibly sorted) order. */
  index: number;
  values: unknown[];
  columns: ResultColumn[];
  /** The columns in view; the same array while only the rows scroll. */
  visibleColumns: VirtualItem[];
  /** Width of the columns scrolled out of view on the left (after the row number). */
  leftSpace: number;
  width: number;
  rowNumberWidth: number;
  rowSelected: boolean;
  /** The column of the selected cell when it is in this row, otherwise -1. */
  selectedColumn: number;
}

/** The rendered rows of one render: the first one's display index and each row's key, in order. */
export interface RowKeys {
  start: number;
  keys: number[];
}

/**
 * Keys for the rendered rows `start` … `start + count - 1`, given the previous render's. A row still rendered
 * keeps its key (its element, not rendered again); each row that comes into view takes the key of a row that
 * left, in the order they were in. A small scroll thus moves the few elements that left to the other end (as
 * many DOM moves as rows scrolled), and a jump past every rendered row, the usual case of a fast wheel, keeps all
 * elements in place and in order (no move: a moved element gets its style and layout objects anew, like a new
 * one). Keys of new rows beyond the previous count are the smallest unused. Pure: the same input, the same keys.
 */
export function recycledRowKeys(prev: RowKeys, start: number, count: number): number[] {
  const keys: (number | undefined)[] = new Array(count).fill(undefined);
  const kept = new Set<number>();
  const prevEnd = prev.start + prev.keys.length;
  for (let i = Math.max(start, prev.start); i < Math.min(start + count, prevEnd); i++) {
    keys[i - start] = prev.keys[i - prev.start];
    kept.add(prev.keys[i - prev.start]);
  }
  const free = prev.keys.filter((k) => !kept.has(k));
  let fresh = 0;
  let f = 0;
  return keys.map((k) => {
    if (k !== undefined) return k;
    if (f < free.length) return free[f++];
    while (prev.keys.includes(fresh)) fresh++;
    return fresh++;
  });
}

/** The id of a cell, for the grid's aria-activedescendant; only the selected cell carries it. */
export function cellId(row: number, col: number): string {
  return `cell-${row}-${col}`;
}

export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { index, values, columns, visibleColumns, leftSpace, width, rowNumberWidth, rowSelected, selectedColumn } = props;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={rowSelected}
      className={`${styles.row}${rowSelected ? ` ${styles.rowSelected}` : ""}${index % 2 ? ` ${styles.odd}` : ""}`}
      style={{ width, height: ROW_HEIGHT }}
    >
      <div role="rowheader" aria-colindex={1} className={styles.rowNumber} style={{ width: rowNumberWidth }}>
        {index + 1}
      </div>
      {leftSpace > 0 && <div className={styles.leftSpace} style={{ width: leftSpace }} aria-hidden="true" />}
      {visibleColumns.map((vc, slot) => {
        const c = columns[vc.index];
        const v = values[vc.index];
        const isNull = v === null || v === undefined;
        const text = isNull || v === "" ? "" : displayValue(v, c);
        const selected = selectedColumn === vc.index;
        return (
          <div
            key={slot}
            id={selected ? cellId(index, vc.index) : undefined}
            role="gridcell"
            aria-colindex={vc.index + 2}
            aria-selected={selected}
            className={`${styles.cell}${c.type === "number" ? ` ${styles.num}` : ""}${isNull ? ` ${styles.null}` : ""}${selected ? ` ${styles.selected}` : ""}`}
            style={{ width: vc.size }}
            title={cellTitle(text)}
          >
            {isNull ? "NULL" : v === "" ? <span className={styles.emptyMark} aria-label="empty string" /> : text}
          </div>
        );
      })}
    </div>
  );
});
