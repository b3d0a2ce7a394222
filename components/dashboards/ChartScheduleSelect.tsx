"use client";

// A chart's own refresh schedule, overriding its dashboards' (PATCH /api/charts/:id/schedule): same as the
// dashboard, every N minutes, a cron in a time zone, or off.
import type { ChartScheduleInput, RefreshSchedule } from "@/lib/schedules/refresh-schedule";
import { apiErrorMessage, RefreshScheduleSelect } from "./RefreshScheduleSelect";

function chartScheduleBody(s: RefreshSchedule | null): ChartScheduleInput {
  if (s === null) return { mode: "dashboard" };
  if (s.kind === "interval") return { mode: "interval", minutes: s.minutes };
  if (s.kind === "cron") return { mode: "cron", cron: s.cron, timezone: s.timezone };
  return { mode: "off" };
}

export function ChartScheduleSelect({
  chartId,
  title,
  value,
  dashboardSchedule,
  onSaved,
}: {
  chartId: string;
  title: string;
  /** The chart's own schedule; null when it follows its dashboards'. */
  value: RefreshSchedule | null;
  /** The dashboard's schedule in words ("Every hour"). */
  dashboardSchedule: string;
  onSaved: (schedule: RefreshSchedule | null) => void;
}) {
  async function save(next: RefreshSchedule | null): Promise<string | null> {
    const res = await fetch(`/api/charts/${encodeURIComponent(chartId)}/schedule`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(chartScheduleBody(next)),
    });
    const data = (await res.json().catch(() => null)) as { schedule?: RefreshSchedule | null; error?: unknown } | null;
    if (!res.ok || !data || data.schedule === undefined) return apiErrorMessage(data, "Could not save the chart's refresh schedule.");
    onSaved(data.schedule);
    return null;
  }
  return <RefreshScheduleSelect value={value} onSave={save} inherit={dashboardSchedule} label="Refresh" stacked ariaLabel={`Refresh schedule of ${title}`} />;
}
