// The table of ad-hoc runs on the history page (server-rendered; "Open" reopens the run in the SQL page).
import Link from "next/link";
import type { QueryRunSummary } from "@/lib/queries/list-query-runs";
import styles from "./history.module.css";

function firstLine(sql: string): string {
  const line = sql.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/**
 * The parameter values a run used, as `name = value` pairs (lists joined, ranges as start – end), in the
 * order the SQL uses them (the stored values object does not keep an order).
 */
function parameterPairs(run: QueryRunSummary): string[] {
  const values = run.values ?? {};
  const names = run.parameters?.map((p) => p.name).filter((n) => n in values) ?? Object.keys(values);
  return names.map((name) => {
    const v = values[name];
    const shown =
      v === null || v === ""
        ? "(empty)"
        : Array.isArray(v)
          ? v.join(", ")
          : typeof v === "object"
            ? `${v.start || "…"} – ${v.end || "…"}`
            : String(v);
    return `${name} = ${shown}`;
  });
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function HistoryTable({ runs }: { runs: QueryRunSummary[] }) {
  if (runs.length === 0) return <div className="card empty">No runs yet. Queries run in the SQL editor appear here.</div>;
  return (
    <div className="card">
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.nowrap}>Who</th>
            <th className={styles.nowrap}>When</th>
            <th className={styles.nowrap}>Data source</th>
            <th>SQL</th>
            <th className={styles.num}>Duration</th>
            <th>Result</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-testid="history-row">
              <td className={styles.nowrap}>{r.user?.name ?? <span className="muted">deleted user</span>}</td>
              <td className={styles.nowrap}>
                <time dateTime={r.createdAt} title={r.createdAt}>
                  {new Date(r.createdAt).toISOString().replace("T", " ").slice(0, 19)} UTC
                </time>
              </td>
              <td className={styles.nowrap}>
                {r.dataSourceName}
                {r.dataSourceDeleted && <span className="muted"> (deleted)</span>}
              </td>
              <td>
                <code className={styles.sql} title={r.sql}>
                  {firstLine(r.sql)}
                </code>
                {parameterPairs(r).length > 0 && (
                  <div className={styles.params} aria-label="Parameters">
                    {parameterPairs(r).map((pair) => (
                      <span key={pair} className={styles.param}>
                        {pair}
                      </span>
                    ))}
                  </div>
                )}
              </td>
              <td className={styles.num}>{formatDuration(r.durationMs)}</td>
              <td>
                {r.status === "succeeded" ? (
                  <>
                    {`${(r.rowCount ?? 0).toLocaleString("en-US")} ${r.rowCount === 1 ? "row" : "rows"}`}
                    {r.truncated && (
                      <span className={styles.capped} title="The result had more rows: it was cut at the data source's row cap.">
                        {" "}
                        (row cap)
                      </span>
                    )}
                  </>
                ) : (
                  <span className={r.status === "cancelled" ? "muted" : styles.error} title={r.error ?? undefined}>
                    {r.status === "cancelled" ? "Cancelled" : (r.error ?? "Failed")}
                  </span>
                )}
              </td>
              <td>
                <Link className="btn" href={`/sql?run=${encodeURIComponent(r.id)}`} target="_blank" rel="noopener">
                  Open
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
