"use client";

// A dashboard opened through a public link: read-only except for its filters (the snapshot grid: no
// controls, but each chart keeps its "Data" table, which screen-reader users need), never the SQL, its numbers re-read every few minutes from the cache. Filter
// values live in the URL (f.<name>), as on the signed-in page, so a pasted public link reproduces the view.
// When the link is revoked or expires while the page is open, the page says so instead of showing stale
// numbers forever.
import { useCallback, useEffect, useState } from "react";
import { FilterBar } from "@/components/dashboard-filters/FilterBar";
import { useFilteredView } from "@/components/dashboard-filters/use-filtered-view";
import { DashboardGrid, useNow } from "@/components/dashboards/DashboardView";
import type { PublicDashboardView as View } from "@/lib/sharing/public-dashboard-view";
import styles from "./sharing.module.css";

const UPDATE_EVERY_MS = 5 * 60_000;

function latestComputedAt(view: View): string | null {
  let latest: string | null = null;
  for (const t of view.tiles) {
    const at = t.result?.computedAt;
    if (at && (!latest || at > latest)) latest = at;
  }
  return latest;
}

export function PublicDashboard({ token, initial }: { token: string; initial: View }) {
  const [view, setView] = useState(initial);
  const [gone, setGone] = useState(false);
  const now = useNow(initial.loadedAt);
  const api = `/api/share/${encodeURIComponent(token)}`;
  // The filter bar's changes load every tile's results for the new values, from the token's own routes.
  const filtered = useFilteredView(view, setView, `${api}/results`);
  const optionsUrl = useCallback((name: string) => `${api}/filters/${encodeURIComponent(name)}/options`, [api]);
  const resultsUrl = filtered.resultsUrl;

  useEffect(() => {
    const timer = setInterval(async () => {
      try {
        const res = await fetch(resultsUrl, { cache: "no-store" });
        if (res.status === 404) {
          setGone(true);
          clearInterval(timer);
          return;
        }
        if (res.ok) setView((await res.json()) as View);
      } catch {
        // Offline for a moment: keep showing what we have and try again at the next tick.
      }
    }, UPDATE_EVERY_MS);
    return () => clearInterval(timer);
  }, [resultsUrl]);

  if (gone) {
    return (
      <main className={`page ${styles.publicPage}`}>
        <div className="card empty">
          <p>This link is no longer shared.</p>
        </div>
      </main>
    );
  }

  const asOf = latestComputedAt(view);
  return (
    <main className={`page ${styles.publicPage}`}>
      <header className={styles.publicHeader}>
        <div>
          <h1>{view.title}</h1>
          {view.description && <p className="muted">{view.description}</p>}
        </div>
        <span className="spacer" />
        <span className={styles.readOnly}>Read-only</span>
      </header>
      {view.filters.length > 0 && (
        <div className={styles.filters}>
          <FilterBar
            optionsUrl={optionsUrl}
            filters={view.filters}
            values={filtered.values}
            onChange={filtered.setValues}
            today={view.filterToday}
            busy={filtered.busy}
          />
        </div>
      )}
      {filtered.error && (
        <p className="alert" role="alert">
          {filtered.error}
        </p>
      )}
      <DashboardGrid view={view} now={now} snapshot dataToggle />
      <footer className={styles.publicFoot}>
        {asOf ? `Numbers as of ${new Date(asOf).toUTCString()}` : "No numbers yet"} · Shared from Spyglass
      </footer>
    </main>
  );
}
