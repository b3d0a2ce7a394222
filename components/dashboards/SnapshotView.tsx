"use client";

import type { DashboardView as View } from "@/lib/dashboards/get-dashboard-view";
import { formatSnapshotTime } from "@/lib/schedules/schemas";
import { DashboardGrid } from "./DashboardView";
import styles from "./dashboards.module.css";

/** A dashboard as it appears in emails: fixed width, no controls, the time of the snapshot (in `timeZone`). */
export function SnapshotView({ view, timeZone }: { view: View; timeZone: string }) {
  const renderedAt = view.loadedAt;
  return (
    <main className={styles.snapshot} data-testid="snapshot">
      <div className={styles.header}>
        <div>
          <h1>{view.title}</h1>
          {view.description && <p className="muted">{view.description}</p>}
        </div>
      </div>
      <DashboardGrid view={view} now={renderedAt} snapshot />
      <p className={styles.snapshotFoot}>Snapshot taken {formatSnapshotTime(new Date(renderedAt), timeZone)} · Spyglass</p>
    </main>
  );
}
