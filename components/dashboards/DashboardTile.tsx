"use client";

import { useEffect } from "react";
import { authorshipLine } from "@/components/chart-editor/authorship";
import { ChartView } from "@/components/charts/ChartView";
import { Markdown } from "@/components/ui/Markdown";
import type { DashboardTileView } from "@/lib/dashboards/get-dashboard-view";
import styles from "./dashboards.module.css";
import { relativeTime } from "./relative-time";

export type TileStatus = "rendered" | "failed";

/** One tile: title, definition and authorship behind an info icon, the chart from the cache, and how fresh it is. */
export function DashboardTile({
  tile,
  now,
  onStatus,
  snapshot = false,
}: {
  tile: DashboardTileView;
  now: number;
  onStatus: (tileId: string, status: TileStatus, error?: string) => void;
  /** In a snapshot image nothing is clickable, so interactive controls are left out. */
  snapshot?: boolean;
}) {
  const hasData = Boolean(tile.result?.computedAt);
  const isText = tile.kind === "text" || !tile.chart;
  const placeholderError = tile.result?.lastError ?? `${tile.chart?.title ?? "Chart"}: no data yet`;
  // Text tiles and tiles without data are finished as soon as they are on screen; charts report
  // through ChartView once they have drawn.
  useEffect(() => {
    if (isText) onStatus(tile.id, "rendered");
    else if (!hasData) onStatus(tile.id, "failed", placeholderError);
  }, [isText, hasData, placeholderError, tile.id, onStatus]);

  const style = { gridColumn: `${tile.x + 1} / span ${tile.w}`, gridRow: `${tile.y + 1} / span ${tile.h}` };
  if (isText || !tile.chart) {
    return (
      <section className={`card ${styles.tile}`} style={style}>
        <Markdown className={styles.text} source={tile.text} />
      </section>
    );
  }
  const { chart, result } = tile;
  const failedLast = Boolean(result?.lastError);
  return (
    <section className={`card ${styles.tile}`} style={style} data-testid="dashboard-tile" aria-label={chart.title}>
      <header className={styles.tileHead}>
        <h2 className={styles.tileTitle} title={chart.title}>
          {chart.title}
        </h2>
        <span className={styles.info}>
          <button type="button" className={styles.infoButton} aria-label={`Definition of ${chart.title}`} aria-describedby={`${tile.id}-definition`}>
            i
          </button>
          <span className={styles.infoPopup} role="tooltip" id={`${tile.id}-definition`}>
            {chart.description && <Markdown source={chart.description} />}
            <span className={styles.authorship}>{authorshipLine(chart, now)}</span>
          </span>
        </span>
      </header>
      <div className={styles.body}>
        {result && result.computedAt ? (
          <ChartView
            result={result}
            vizType={chart.vizType}
            config={chart.vizConfig}
            title={chart.title}
            height="100%"
            showDataToggle={!snapshot}
            onRendered={(status) => onStatus(tile.id, status)}
          />
        ) : (
          <div className={styles.placeholder}>
            {result?.lastError ? (
              <span className={styles.failed}>Query failed: {result.lastError}</span>
            ) : (
              <span>No data yet: the first refresh has not finished.</span>
            )}
          </div>
        )}
      </div>
      <footer className={styles.foot}>
        {result?.computedAt && <span title={new Date(result.computedAt).toLocaleString()}>updated {relativeTime(result.computedAt, now)}</span>}
        {failedLast && result?.computedAt && (
          <span className={styles.failed} title={result.lastError ?? ""}>
            last refresh failed: {result.lastError}
          </span>
        )}
      </footer>
    </section>
  );
}
