"use client";

// The refresh schedule on a chart's own page: what the chart follows ("Follows the dashboard: every hour")
// or its own schedule, and for editors the same selector as the dashboard tile's menu (ChartScheduleSelect,
// PATCH /api/charts/:id/schedule). Viewers read the text only; the API refuses them anyway.
import Link from "next/link";
import { useState } from "react";
import { ChartScheduleSelect } from "@/components/dashboards/ChartScheduleSelect";
import type { RefreshSchedule } from "@/lib/schedules/refresh-schedule";
import { chartScheduleText, sharedDashboardSchedule } from "./chart-schedule-text";

export function ChartSchedulePanel({
  chartId,
  title,
  own,
  dashboards,
  canEdit,
}: {
  chartId: string;
  title: string;
  own: RefreshSchedule | null;
  dashboards: { id: string; title: string; schedule: RefreshSchedule }[];
  canEdit: boolean;
}) {
  const [schedule, setSchedule] = useState(own);
  return (
    <section className="card" aria-label="Refresh schedule" style={{ padding: 16, margin: "12px 0 16px" }}>
      <h2 style={{ marginTop: 0 }}>Refresh schedule</h2>
      <p data-testid="chart-schedule-status">{chartScheduleText(schedule, dashboards)}</p>
      {dashboards.length > 0 && (
        <p className="muted">
          On {dashboards.length === 1 ? "the dashboard" : "the dashboards"}{" "}
          {dashboards.map((d, i) => (
            <span key={d.id}>
              {i > 0 && ", "}
              <Link href={`/dashboards/${encodeURIComponent(d.id)}`}>{d.title}</Link>
            </span>
          ))}
          . A schedule of its own replaces {dashboards.length === 1 ? "the dashboard's" : "theirs"} for this chart; refreshing a dashboard by hand
          still runs it.
        </p>
      )}
      {canEdit && (
        <ChartScheduleSelect
          chartId={chartId}
          title={title}
          value={schedule}
          dashboardSchedule={sharedDashboardSchedule(dashboards) ?? "each dashboard's own"}
          onSaved={setSchedule}
        />
      )}
    </section>
  );
}
