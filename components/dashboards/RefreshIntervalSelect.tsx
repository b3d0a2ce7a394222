"use client";

// The dashboard's refresh schedule on the dashboard page, saved with a version check.
import { dashboardRefreshSchedule, type RefreshSchedule } from "@/lib/schedules/refresh-schedule";
import { apiErrorMessage, RefreshScheduleSelect } from "./RefreshScheduleSelect";

export interface SavedSchedule {
  refreshIntervalMinutes: number;
  refreshCron: string | null;
  refreshTimezone: string;
  version: number;
}

/** The dashboard PATCH fields a schedule stands for: off is interval 0; a cron replaces the interval. */
function dashboardScheduleBody(s: RefreshSchedule): Record<string, unknown> {
  if (s.kind === "off") return { refreshIntervalMinutes: 0, refreshCron: null };
  if (s.kind === "interval") return { refreshIntervalMinutes: s.minutes, refreshCron: null };
  return { refreshCron: s.cron, refreshTimezone: s.timezone };
}

export function RefreshIntervalSelect({
  dashboardId,
  version,
  value,
  cron,
  timezone,
  onSaved,
}: {
  dashboardId: string;
  version: number;
  value: number;
  cron?: string | null;
  timezone?: string;
  onSaved: (saved: SavedSchedule) => void;
}) {
  const current = dashboardRefreshSchedule({ refreshIntervalMinutes: value, refreshCron: cron ?? null, refreshTimezone: timezone ?? "UTC" });
  async function save(next: RefreshSchedule | null): Promise<string | null> {
    if (!next) return null; // a dashboard has no "same as" choice
    const res = await fetch(`/api/dashboards/${dashboardId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version, ...dashboardScheduleBody(next) }),
    });
    const data = (await res.json().catch(() => null)) as (Partial<SavedSchedule> & { error?: unknown }) | null;
    if (!res.ok || data?.version === undefined || data.refreshIntervalMinutes === undefined) return apiErrorMessage(data, "Could not save the refresh schedule.");
    onSaved({
      refreshIntervalMinutes: data.refreshIntervalMinutes,
      refreshCron: data.refreshCron ?? null,
      refreshTimezone: data.refreshTimezone ?? "UTC",
      version: data.version,
    });
    return null;
  }
  return <RefreshScheduleSelect value={current} onSave={save} />;
}
