// What the Status column of the admin Schedules page says about one schedule. "ok" next to a last run that
// failed read as all clear; a failure must be as visible as a schedule that has stopped running.
import type { ScheduleRow } from "@/lib/health/schedule-overview";

export interface ScheduleStatus {
  text: string;
  /** Shown in red: the schedule needs an admin's attention. */
  alarming: boolean;
  /** The longer reason, for the tooltip. */
  title?: string;
}

export function scheduleStatus(row: Pick<ScheduleRow, "overdue" | "lastStatus" | "lastError">): ScheduleStatus {
  if (row.overdue) return { text: `overdue: ${row.overdue}`, alarming: true, title: row.overdue };
  if (row.lastStatus === "failed") return { text: "last run failed", alarming: true, title: row.lastError ?? undefined };
  return { text: "ok", alarming: false };
}
