"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { DashboardView as View } from "@/lib/dashboards/get-dashboard-view";
import { DashboardTile, type TileStatus } from "./DashboardTile";
import styles from "./dashboards.module.css";
import { publishRenderSignal } from "./render-signal";

/** The grid of tiles, shared by the dashboard page and the snapshot render page (`snapshot`: no controls). */
export function DashboardGrid({ view, now, snapshot = false }: { view: View; now: number; snapshot?: boolean }) {
  const statuses = useRef(new Map<string, { status: TileStatus; error?: string }>());

  const onStatus = useCallback(
    (tileId: string, status: TileStatus, error?: string) => {
      const previous = statuses.current.get(tileId);
      if (previous?.status === status && previous.error === error) return;
      statuses.current.set(tileId, { status, error });
      const all = [...statuses.current.values()];
      publishRenderSignal({
        total: view.tiles.length,
        rendered: all.filter((s) => s.status === "rendered").length,
        failed: all.filter((s) => s.status === "failed").length,
        errors: all.flatMap((s) => (s.error ? [s.error] : [])),
      });
    },
    [view.tiles.length],
  );

  useEffect(() => {
    // Tiles that left the dashboard no longer count.
    const ids = new Set(view.tiles.map((t) => t.id));
    for (const id of statuses.current.keys()) if (!ids.has(id)) statuses.current.delete(id);
    if (view.tiles.length === 0) publishRenderSignal({ total: 0, rendered: 0, failed: 0, errors: ["The dashboard has no tiles."] });
  }, [view.tiles]);

  if (view.tiles.length === 0) {
    return (
      <div className="card empty">
        <p>This dashboard has no charts yet.</p>
        <p>
          Open the <a href="/sql">SQL editor</a>, run a query, save it as a chart and choose &ldquo;Add to dashboard&rdquo;.
        </p>
      </div>
    );
  }
  return (
    <div className={styles.grid}>
      {view.tiles.map((tile) => (
        <DashboardTile key={tile.id} tile={tile} now={now} onStatus={onStatus} snapshot={snapshot} />
      ))}
    </div>
  );
}

/** Re-renders relative times ("updated 12 minutes ago") every 30 s. */
export function useNow(initial: number, intervalMs = 30_000) {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
