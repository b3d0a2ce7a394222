// The pivot table chart: row headers × column headers, each cell an aggregate, with totals; an HTML table
// with proper header scopes so screen readers announce a cell's row and column.
import { useMemo, type ReactNode } from "react";
import { formatNumber, valueFormatOf } from "@/lib/charts/format";
import { pivotOf, pivotValueLabel } from "@/lib/charts/pivot";
import type { VizConfig } from "@/lib/charts/types";
import type { QueryResult, ResultColumn } from "@/lib/warehouse/types";
import { cellText } from "./cell-text";
import styles from "./charts.module.css";

export interface PivotTableViewProps {
  result: Pick<QueryResult, "columns" | "rows">;
  config?: VizConfig;
  /** Read by screen readers as the table's caption. */
  title?: string;
}

/** One header cell of a column-header row: its label and how many columns it spans. */
interface HeaderSpan {
  value: unknown;
  span: number;
}

/** Adjacent columns sharing the same values down to `level` are merged into one header cell. */
function headerSpans(headers: unknown[][], level: number): HeaderSpan[] {
  const spans: HeaderSpan[] = [];
  let prevKey: string | null = null;
  for (const tuple of headers) {
    const key = JSON.stringify(tuple.slice(0, level + 1));
    if (key === prevKey) spans[spans.length - 1].span += 1;
    else spans.push({ value: tuple[level], span: 1 });
    prevKey = key;
  }
  return spans;
}

export function PivotTableView({ result, config, title }: PivotTableViewProps) {
  const pivotSettings = config?.pivot;
  const pivot = useMemo(() => pivotOf(result, pivotSettings), [result, pivotSettings]);
  const columnOf = (name: string): ResultColumn => result.columns.find((c) => c.name === name) ?? { name, type: "other", dbType: "" };
  const valueFormat = valueFormatOf(config ?? {});
  const value = (v: number | null) => (v === null ? "" : pivot.aggregate === "count" ? formatNumber(v) : formatNumber(v, valueFormat));
  const label = (v: unknown, field: string): ReactNode =>
    v === null || v === undefined ? <span className={styles.nullLabel}>NULL</span> : cellText(v, columnOf(field), { dateFormat: config?.dateFormat });

  const valueLabel = pivotValueLabel(pivot);
  const levels = Math.max(pivot.columnFields.length, 1);
  const rowHeaderCount = Math.max(pivot.rowFields.length, 1);
  const showRowTotals = pivot.totals !== undefined && pivot.columnHeaders.length > 1;
  const showColumnTotals = pivot.totals !== undefined && pivot.rowHeaders.length > 1;

  return (
    <div className={styles.tableWrap}>
      <div className={styles.tableScroll}>
        <table className={`${styles.table} ${styles.pivot}`}>
          <caption className={styles.pivotCaption}>
            {title && <span className={styles.srOnly}>{title}: </span>}
            {valueLabel}
            {pivot.columnFields.length > 0 && ` by ${pivot.columnFields.join(", ")}`}
          </caption>
          <thead>
            {Array.from({ length: levels }, (_, level) => (
              <tr key={level}>
                {level === 0 &&
                  (pivot.rowFields.length > 0 ? (
                    pivot.rowFields.map((f) => (
                      <th key={f} scope="col" rowSpan={levels} className={styles.pivotCorner}>
                        {f}
                      </th>
                    ))
                  ) : (
                    <td rowSpan={levels} className={styles.pivotCorner} />
                  ))}
                {pivot.columnFields.length === 0 ? (
                  <th scope="col" className={styles.num}>
                    {valueLabel}
                  </th>
                ) : (
                  headerSpans(pivot.columnHeaders, level).map((h, i) => (
                    <th key={i} scope={h.span > 1 ? "colgroup" : "col"} colSpan={h.span} className={level === levels - 1 ? styles.num : styles.pivotGroup}>
                      {label(h.value, pivot.columnFields[level])}
                    </th>
                  ))
                )}
                {level === 0 && showRowTotals && (
                  <th scope="col" rowSpan={levels} className={`${styles.num} ${styles.pivotTotal}`}>
                    Total
                  </th>
                )}
              </tr>
            ))}
          </thead>
          <tbody>
            {pivot.rowHeaders.map((tuple, r) => (
              <tr key={r}>
                {pivot.rowFields.length > 0 ? (
                  tuple.map((v, i) => (
                    <th key={i} scope="row" className={styles.pivotRowHead}>
                      {label(v, pivot.rowFields[i])}
                    </th>
                  ))
                ) : (
                  <th scope="row" className={styles.pivotRowHead}>
                    All rows
                  </th>
                )}
                {pivot.cells[r].map((v, c) => (
                  <td key={c} className={styles.num}>
                    {value(v)}
                  </td>
                ))}
                {showRowTotals && <td className={`${styles.num} ${styles.pivotTotal}`}>{value(pivot.totals!.rows[r])}</td>}
              </tr>
            ))}
          </tbody>
          {showColumnTotals && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={rowHeaderCount} className={styles.pivotTotal}>
                  Total
                </th>
                {pivot.totals!.columns.map((v, c) => (
                  <td key={c} className={`${styles.num} ${styles.pivotTotal}`}>
                    {value(v)}
                  </td>
                ))}
                {showRowTotals && <td className={`${styles.num} ${styles.pivotTotal}`}>{value(pivot.totals!.grand)}</td>}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {pivot.notes.length > 0 && (
        <p className={styles.note}>
          {pivot.notes.join(" ")}
          {pivot.totals && " Totals include every row."}
        </p>
      )}
    </div>
  );
}
