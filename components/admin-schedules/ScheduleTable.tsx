import Link from "next/link";
import type { ScheduleOverview, ScheduleRow } from "@/lib/health/schedule-overview";
import { scheduleStatus } from "./schedule-status";

const KIND_LABEL: Record<ScheduleRow["kind"], string> = { dashboard: "Dashboard refresh", chart: "Chart override", subscription: "Digest" };

function when(iso: string | null): string {
  if (!iso) return "—";
  return new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

function duration(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Every schedule with its last run, next run, last error and duration; overdue ones flagged. */
export function ScheduleTable({ overview }: { overview: ScheduleOverview }) {
  return (
    <>
      {overview.redisError && (
        <p className="alert" role="alert">
          {overview.redisError}. Next runs and overdue flags are unknown until Redis is back.
        </p>
      )}
      {overview.workers && overview.workers.length === 0 && (
        <p className="alert" role="alert" data-testid="no-worker">
          No worker is running: scheduled refreshes and digests are not running until one starts (<code>npm run worker</code>, see
          &quot;Running workers on several machines&quot; in the README).
        </p>
      )}
      {overview.workers && overview.workers.length > 0 && (
        <p className="muted" data-testid="workers-alive">
          {overview.workers.length === 1 ? "1 worker" : `${overview.workers.length} workers`} running:{" "}
          {overview.workers.map((w) => `${w.host} (pid ${w.pid}, since ${when(w.startedAt)})`).join(", ")}.
        </p>
      )}
      {overview.overdueCount > 0 && (
        <p className="alert" role="alert">
          {overview.overdueCount === 1 ? "1 schedule is overdue." : `${overview.overdueCount} schedules are overdue.`} A worker re-syncs the
          schedules from the database when it starts and every 5 minutes; check that a worker is running (<code>/api/health</code>).
        </p>
      )}
      <table className="table" style={{ width: "100%", borderCollapse: "collapse" }}>
        <thead>
          <tr style={{ textAlign: "left" }}>
            <th>Kind</th>
            <th>Of</th>
            <th>Schedule</th>
            <th>Last run</th>
            <th>Duration</th>
            <th>Next run</th>
            <th>Last error</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {overview.rows.map((r) => (
            <tr key={`${r.kind}:${r.id}`} data-testid="schedule-row" style={{ borderTop: "1px solid var(--border, #e3e7ee)", verticalAlign: "top" }}>
              <td>{KIND_LABEL[r.kind]}</td>
              <td>
                <Link href={r.href}>{r.title}</Link>
                {r.recipients && <div className="muted" style={{ fontSize: 13 }}>{r.recipients}</div>}
              </td>
              <td>{r.schedule}</td>
              <td>
                {when(r.lastRunAt)}
                {r.lastStatus && <span className="muted"> · {r.lastStatus}</span>}
              </td>
              <td>{duration(r.lastDurationMs)}</td>
              <td>{when(r.nextRunAt)}</td>
              <td style={{ maxWidth: 320, overflowWrap: "anywhere" }}>
                {r.lastError ?? (r.lastNote ? <span className="muted">Note: {r.lastNote}</span> : "—")}
              </td>
              <td>
                <ScheduleStatusCell row={r} />
              </td>
            </tr>
          ))}
          {overview.rows.length === 0 && (
            <tr>
              <td colSpan={8} className="muted">
                Nothing is scheduled.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </>
  );
}

function ScheduleStatusCell({ row }: { row: ScheduleRow }) {
  const status = scheduleStatus(row);
  return status.alarming ? (
    <strong style={{ color: "var(--danger)" }} title={status.title}>
      {status.text}
    </strong>
  ) : (
    <>{status.text}</>
  );
}
