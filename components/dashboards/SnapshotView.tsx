"use client";

import type { DashboardView as View } from "@/lib/dashboards/get-dashboard-view";
import { DashboardGrid } from "./DashboardView";
import styles from "./dashboards.module.css";

/** A dashboard as it appears in emails: fixed width, no controls, the time of the snapshot. */
export function SnapshotView({ view }: { view: View }) {
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
      <p className={styles.snapshotFoot}>Snapshot taken {new Date(renderedAt).toUTCString()} · Spyglass</p>
    </main>
  );
}
