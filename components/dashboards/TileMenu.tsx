"use client";

// The menu of a chart tile on the dashboard page: star the chart (it then shows among the favourites on
// the dashboards list), open its version history and, for editors, set the chart's own refresh schedule.
// Not in snapshots, the TV view or edit mode.
import Link from "next/link";
import { useState } from "react";
import { StarButton } from "@/components/favourites/StarButton";
import type { RefreshSchedule } from "@/lib/schedules/refresh-schedule";
import { ChartScheduleSelect } from "./ChartScheduleSelect";
import styles from "./dashboards.module.css";

export interface TileScheduleControls {
  /** The chart's own schedule; null when it follows its dashboards'. */
  value: RefreshSchedule | null;
  /** The dashboard's schedule in words. */
  dashboardSchedule: string;
  onSaved: (schedule: RefreshSchedule | null) => void;
}

export function TileMenu({
  chartId,
  title,
  favourite,
  dashboardId,
  schedule,
}: {
  chartId: string;
  title: string;
  favourite: boolean;
  dashboardId: string;
  /** Given to editors only (the API refuses viewers too). */
  schedule?: TileScheduleControls;
}) {
  // The schedule form is only mounted while the menu is open: its fields are not in the page otherwise.
  const [open, setOpen] = useState(false);
  return (
    <details className={styles.tileMenu} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary aria-label={`More for ${title}`} title="More">
        <span aria-hidden>⋯</span>
      </summary>
      <div className={`${styles.tileMenuPopup} ${schedule ? styles.tileMenuWide : ""}`}>
        <StarButton kind="chart" id={chartId} initial={favourite} title={title} />
        <Link href={`/charts/${encodeURIComponent(chartId)}/versions?from=${encodeURIComponent(dashboardId)}`}>History</Link>
        {schedule && open && (
          <div className={styles.tileMenuSection}>
            <ChartScheduleSelect chartId={chartId} title={title} value={schedule.value} dashboardSchedule={schedule.dashboardSchedule} onSaved={schedule.onSaved} />
            <p className={styles.tileMenuHint}>Applies to this chart on every dashboard it is on.</p>
          </div>
        )}
      </div>
    </details>
  );
}
