"use client";

// The menu of a chart tile on the dashboard page: star the chart (it then shows among the favourites on
// the dashboards list) and open its version history. Not in snapshots, the TV view or edit mode.
import Link from "next/link";
import { StarButton } from "@/components/favourites/StarButton";
import styles from "./dashboards.module.css";

export function TileMenu({ chartId, title, favourite, dashboardId }: { chartId: string; title: string; favourite: boolean; dashboardId: string }) {
  return (
    <details className={styles.tileMenu}>
      <summary aria-label={`More for ${title}`} title="More">
        <span aria-hidden>⋯</span>
      </summary>
      <div className={styles.tileMenuPopup}>
        <StarButton kind="chart" id={chartId} initial={favourite} title={title} />
        <Link href={`/charts/${encodeURIComponent(chartId)}/versions?from=${encodeURIComponent(dashboardId)}`}>History</Link>
      </div>
    </details>
  );
}
