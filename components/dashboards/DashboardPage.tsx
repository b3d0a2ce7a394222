"use client";

import { useState } from "react";
import type { DashboardView as View } from "@/lib/dashboards/get-dashboard-view";
import { SubscriptionsPanel } from "@/components/subscriptions/SubscriptionsPanel";
import { DashboardGrid, useNow } from "./DashboardView";
import { RefreshIntervalSelect } from "./RefreshIntervalSelect";
import styles from "./dashboards.module.css";

type RefreshState = { kind: "idle" } | { kind: "running"; since: number } | { kind: "done"; at: number } | { kind: "error"; message: string };

const POLL_MS = 1500;
const GIVE_UP_MS = 10 * 60_000;

/** The interactive dashboard: the grid, "Refresh now" that waits for the worker's new results, subscriptions. */
export function DashboardPage({ initial, canEdit }: { initial: View; canEdit: boolean }) {
  const [view, setView] = useState(initial);
  const [refresh, setRefresh] = useState<RefreshState>({ kind: "idle" });
  const [showSubscriptions, setShowSubscriptions] = useState(false);
  const now = useNow(initial.loadedAt);

  async function refreshNow() {
    const since = Date.now();
    setRefresh({ kind: "running", since });
    const res = await fetch(`/api/dashboards/${view.id}/refresh`, { method: "POST" });
    if (!res.ok) {
      const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setRefresh({ kind: "error", message: data?.error?.message ?? "Could not start the refresh." });
      return;
    }
    const chartTiles = view.tiles.filter((t) => t.chart).length;
    while (Date.now() - since < GIVE_UP_MS) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const latest = await fetch(`/api/dashboards/${view.id}/results`);
      if (!latest.ok) continue;
      const next = (await latest.json()) as View;
      const arrived = next.tiles.filter((t) => t.result?.lastAttemptAt && new Date(t.result.lastAttemptAt).getTime() >= since - 1000).length;
      if (arrived >= chartTiles) {
        setView(next);
        setRefresh({ kind: "done", at: Date.now() });
        return;
      }
    }
    setRefresh({ kind: "error", message: "The refresh has not finished after 10 minutes; is a worker running?" });
  }

  return (
    <main className="page">
      <div className={styles.header}>
        <div>
          <h1>{view.title}</h1>
          {view.description && <p className="muted">{view.description}</p>}
        </div>
        <span className="spacer" />
        <span className="muted" aria-live="polite">
          {refresh.kind === "running" && (
            <span className="row">
              <span className="spinner" /> Refreshing…
            </span>
          )}
          {refresh.kind === "done" && "New results arrived."}
        </span>
        {canEdit && (
          <RefreshIntervalSelect
            dashboardId={view.id}
            version={view.version}
            value={view.refreshIntervalMinutes}
            onSaved={(saved) => setView((v) => ({ ...v, ...saved }))}
          />
        )}
        <button className="btn" onClick={() => void refreshNow()} disabled={refresh.kind === "running"}>
          Refresh now
        </button>
        <button className="btn" onClick={() => setShowSubscriptions((v) => !v)} aria-expanded={showSubscriptions}>
          Email subscriptions
        </button>
      </div>
      {refresh.kind === "error" && (
        <p className="alert" role="alert">
          {refresh.message}
        </p>
      )}
      {showSubscriptions && (
        <div style={{ marginBottom: 16 }}>
          <SubscriptionsPanel dashboardId={view.id} canEdit={canEdit} />
        </div>
      )}
      <DashboardGrid view={view} now={now} />
    </main>
  );
}
