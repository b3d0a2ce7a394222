// A chart's own refresh schedule (overriding its dashboards'): saved on the chart, then its job scheduler
// is made to match. The schedule is operational, not content, so it does not bump the chart's version.
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { syncChartSchedule } from "@/lib/jobs/queues";
import { assertRefreshCron } from "@/lib/schedules/refresh-cron";
import { chartRefreshSchedule, chartScheduleColumns, type ChartScheduleInput, type RefreshSchedule } from "@/lib/schedules/refresh-schedule";

export interface ChartScheduleView {
  chartId: string;
  /** null: the chart follows its dashboards' schedules. */
  schedule: RefreshSchedule | null;
  /** False when Redis was unreachable: the worker applies the schedule on its next sync. */
  scheduled: boolean;
}

export async function updateChartSchedule(chartId: string, input: ChartScheduleInput): Promise<ChartScheduleView> {
  if (input.mode === "cron") assertRefreshCron(input.cron, input.timezone);
  const db = getDb();
  const exists = await db.chart.findUnique({ where: { id: chartId }, select: { id: true } });
  if (!exists) throw notFound("Chart");
  const saved = await db.chart.update({
    where: { id: chartId },
    data: chartScheduleColumns(input),
    select: { id: true, refreshIntervalMinutes: true, refreshCron: true, refreshTimezone: true },
  });
  let scheduled = true;
  try {
    await syncChartSchedule(chartId);
  } catch (error) {
    scheduled = false;
    console.warn(`Could not schedule refreshes for chart ${chartId} now (the worker will on its next sync):`, error);
  }
  return { chartId: saved.id, schedule: chartRefreshSchedule(saved), scheduled };
}
