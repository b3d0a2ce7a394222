"use client";

// A dashboard opened through a public link: read-only (the snapshot grid: no controls, but each chart keeps
// its "Data" table, which screen-reader users need), never the SQL, its numbers re-read every few minutes
// from the cache. When the link is revoked or expires while the page is open, the page says so instead of
// showing stale numbers forever.
import { useEffect, useState } from "react";
import { DashboardGrid, useNow } from "@/components/dashboards/DashboardView";
import type { PublicDashboardView as View } from "@/lib/sharing/public-dashboard-view";
import styles from "./sharing.module.css";

const UPDATE_EVERY_MS = 5 * 60_000;

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "any";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "any";
  if (typeof value === "object") {
    const r = value as { start?: string; end?: string };
    return `${r.start ?? "…"} to ${r.end ?? "…"}`;
  }
  return String(value).replace(/_/g, " ");
}

/** The filters in effect, as text (values from the link, else the defaults). */
function FilterSummary({ view }: { view: View }) {
  const given = view.filterValues ?? {};
  return (
    <p className={styles.filters} aria-label="Filters">
      {view.filters.map((f) => (
        <span key={f.name} className={styles.filter}>
          <span className="muted">{f.label}:</span> {valueText(Object.prototype.hasOwnProperty.call(given, f.name) ? given[f.name] : f.default)}
        </span>
      ))}
    </p>
  );
}

function latestComputedAt(view: View): string | null {
  let latest: string | null = null;
  for (const t of view.tiles) {
    const at = t.result?.computedAt;
    if (at && (!latest || at > latest)) latest = at;
  }
  return latest;
}

/** `query` is the page's filter query string ("f.region=EMEA&..."), kept for the periodic update. */
export function PublicDashboard({ token, initial, query = "" }: { token: string; initial: View; query?: string }) {
  const [view, setView] = useState(initial);
  const [gone, setGone] = useState(false);
  const now = useNow(initial.loadedAt);

  useEffect(() => {
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`/api/share/${encodeURIComponent(token)}/results${query ? `?${query}` : ""}`, { cache: "no-store" });
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
  }, [token, query]);

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
      {/* TODO(filters): render components/dashboard-filters/FilterBar here once it exists, with view.filters
          (PublicFilter: no options SQL), values from the URL (f.<name>), drop-down values from
          GET /api/share/<token>/filters/<name>/options and results from GET /api/share/<token>/results?f.… .
          Until then the page shows the filters' current values read-only, and a link with f.<name>
          parameters shows the dashboard filtered. */}
      {view.filters.length > 0 && <FilterSummary view={view} />}
      <DashboardGrid view={view} now={now} snapshot dataToggle />
      <footer className={styles.publicFoot}>
        {asOf ? `Numbers as of ${new Date(asOf).toUTCString()}` : "No numbers yet"} · Shared from Spyglass
      </footer>
    </main>
  );
}
