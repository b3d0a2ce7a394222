// The chart's HTML table of a query result (the "table" chart type and the "Data" view of every chart):
// at most `maxRows` rows, so a big result never freezes the tab (the SQL page has its own virtualized grid).
// Numbers are right-aligned in the chart's value format, dates in its date format, NULL is shown apart from
// the empty string, and conditional-format rules colour cells.
import { useMemo } from "react";
import { cellStyleFor } from "@/lib/charts/conditional-format";
import type { VizConfig } from "@/lib/charts/types";
import type { ResultColumn } from "@/lib/warehouse/types";
import { cellText, tableValueFormat } from "./cell-text";
import styles from "./charts.module.css";

export const TABLE_MAX_ROWS = 1000;

export interface DataTableProps {
  columns: ResultColumn[];
  rows: unknown[][];
  /** Rows drawn at most; a note says how many there are. */
  maxRows?: number;
  /** Read by screen readers (the chart's title); not shown, the tile already shows it. */
  caption?: string;
  /** Value format (for config.y, or every numeric column when y is unset), date format, conditional formats. */
  config?: VizConfig;
}

export function DataTable({ columns, rows, maxRows = TABLE_MAX_ROWS, caption, config }: DataTableProps) {
  const shown = rows.length > maxRows ? rows.slice(0, maxRows) : rows;
  const layout = useMemo(() => {
    const valueFormat = tableValueFormat(config);
    const names = new Set(columns.map((c) => c.name));
    const chosen = (config?.y ?? []).filter((n) => names.has(n));
    const rules = config?.conditionalFormats ?? [];
    return columns.map((c) => ({
      numeric: c.type === "number",
      options: {
        valueFormat: chosen.length === 0 || chosen.includes(c.name) ? valueFormat : null,
        dateFormat: config?.dateFormat,
      },
      rules: rules.filter((r) => r.column === c.name),
    }));
  }, [columns, config]);

  return (
    <div className={styles.tableWrap}>
      <div className={styles.tableScroll}>
        <table className={styles.table}>
          {caption && <caption className={styles.srOnly}>{caption}</caption>}
          <thead>
            <tr>
              <th scope="col" className={styles.rowNumber}>
                <span className={styles.srOnly}>Row</span>
              </th>
              {columns.map((c, i) => (
                <th key={i} scope="col" title={`${c.name} (${c.dbType})`} className={layout[i].numeric ? styles.num : undefined}>
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
                      <td key={i} className={`${styles.null} ${layout[i].numeric ? styles.num : ""}`}>
                        NULL
                      </td>
                    );
                  }
                  const text = cellText(v, c, layout[i].options);
                  const cellStyle = layout[i].rules.length > 0 ? cellStyleFor(c.name, v, layout[i].rules) : null;
                  return (
                    <td
                      key={i}
                      className={layout[i].numeric ? styles.num : undefined}
                      style={cellStyle ?? undefined}
                      title={text.length > 40 ? text : undefined}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length && (
        <p className={styles.note}>
          Showing the first {shown.length.toLocaleString("en-US")} of {rows.length.toLocaleString("en-US")} rows.
        </p>
      )}
    </div>
  );
}
