// A plain HTML table of a query result: the first `maxRows` rows, NULL shown distinctly.
import { formatCell } from "@/lib/charts/format-cell";
import type { ResultColumn } from "@/lib/warehouse/types";
import styles from "./charts.module.css";

export const TABLE_MAX_ROWS = 1000;

export function DataTable({
  columns,
  rows,
  maxRows = TABLE_MAX_ROWS,
  caption,
}: {
  columns: ResultColumn[];
  rows: unknown[][];
  maxRows?: number;
  caption?: string;
}) {
  const shown = rows.length > maxRows ? rows.slice(0, maxRows) : rows;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        {caption && <caption className={styles.srOnly}>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col" className={styles.rowNumber} aria-label="Row number" />
            {columns.map((c, i) => (
              <th key={i} scope="col" title={`${c.name} (${c.dbType})`} className={c.type === "number" ? styles.num : undefined}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, r) => (
            <tr key={r}>
              <td className={styles.rowNumber}>{r + 1}</td>
              {columns.map((c, i) => {
                const v = row[i];
                if (v === null || v === undefined) {
                  return (
                    <td key={i} className={styles.null}>
                      NULL
                    </td>
                  );
                }
                return (
                  <td key={i} className={c.type === "number" ? styles.num : undefined}>
                    {formatCell(v, c)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && (
        <p className={styles.tableNote}>
          Showing the first {shown.length.toLocaleString("en-US")} of {rows.length.toLocaleString("en-US")} rows.
        </p>
      )}
    </div>
  );
}
