"use client";
// One row of the result grid. Memoized: while the grid scrolls, rows that stay in view keep the same props and
// are not rendered again, so a scroll frame renders only the rows that came into view. Rows are in normal flow
// (ResultGrid positions the block of them) and cells are flex items in the row: positioned rows and cells were
// a paint layer each, ~170 of them, repainted on every row swap.
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
  onSelectRow: (row: number) => void;
  onSelectCell: (row: number, col: number) => void;
}

export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { index, values, columns, visibleColumns, leftSpace, width, rowNumberWidth, rowSelected, selectedColumn, onSelectRow, onSelectCell } = props;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={rowSelected}
      className={`${styles.row}${rowSelected ? ` ${styles.rowSelected}` : ""}${index % 2 ? ` ${styles.odd}` : ""}`}
      style={{ width, height: ROW_HEIGHT }}
    >
      <div role="rowheader" aria-colindex={1} className={styles.rowNumber} style={{ width: rowNumberWidth }} onClick={() => onSelectRow(index)}>
        {index + 1}
      </div>
      {leftSpace > 0 && <div className={styles.leftSpace} style={{ width: leftSpace }} aria-hidden="true" />}
      {visibleColumns.map((vc) => {
        const c = columns[vc.index];
        const v = values[vc.index];
        const isNull = v === null || v === undefined;
        const text = isNull || v === "" ? "" : displayValue(v, c);
        const selected = selectedColumn === vc.index;
        return (
          <div
            key={vc.key}
            id={`cell-${index}-${vc.index}`}
            role="gridcell"
            aria-colindex={vc.index + 2}
            aria-selected={selected}
            className={`${styles.cell}${c.type === "number" ? ` ${styles.num}` : ""}${isNull ? ` ${styles.null}` : ""}${selected ? ` ${styles.selected}` : ""}`}
            style={{ width: vc.size }}
            title={cellTitle(text)}
            onClick={() => onSelectCell(index, vc.index)}
          >
            {isNull ? "NULL" : v === "" ? <span className={styles.emptyMark} aria-label="empty string" /> : text}
          </div>
        );
      })}
    </div>
  );
});
