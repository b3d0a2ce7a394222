"use client";
// The result of a run as a table, with how many rows, how long it took and when it ran.
import { DataTable, TABLE_MAX_ROWS } from "@/components/charts/DataTable";
import type { QueryResult } from "@/lib/warehouse/types";
import styles from "./sql.module.css";

export function ResultTable({ result, ranAt }: { result: QueryResult; ranAt: Date }) {
  const rows = result.rowCount.toLocaleString("en-US");
  return (
    <div className={styles.resultTable}>
      <p className={styles.meta}>
        <span>
          {rows} {result.rowCount === 1 ? "row" : "rows"}
        </span>
        <span aria-hidden="true">·</span>
        <span>{formatDuration(result.durationMs)}</span>
        <span aria-hidden="true">·</span>
        <span>
          ran at <time dateTime={ranAt.toISOString()}>{ranAt.toLocaleTimeString()}</time>
        </span>
        {result.truncated && (
          <span className={styles.truncated}>
            Only the first {rows} rows were fetched: the data source&apos;s row limit cut the result.
          </span>
        )}
      </p>
      {result.columns.length === 0 ? (
        <p className="empty">The statement returned no columns.</p>
      ) : result.rows.length === 0 ? (
        <p className="empty">No rows</p>
      ) : (
        <div className={styles.tableScroll}>
          <DataTable columns={result.columns} rows={result.rows} maxRows={TABLE_MAX_ROWS} caption="Query result" />
        </div>
      )}
    </div>
  );
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}
