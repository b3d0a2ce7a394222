// One chart's cached result as a CSV download, for someone who can view the dashboard it sits on.
import { assertAllowed } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { sanitizeFilename } from "@/lib/export/csv";
import type { ResultColumn } from "@/lib/warehouse/types";
import { cachedResultCsv } from "./cached-result-csv";
import { canDownloadDashboard } from "./permissions";

export interface ChartCsv {
  csv: string;
  /** Safe for Content-Disposition, ends in ".csv". */
  filename: string;
  rowCount: number;
  /** The cached result was cut at the display row cap: the CSV holds only those rows. */
  truncated: boolean;
  computedAt: string;
}

/**
 * The chart is looked up through the dashboard, so the dashboard's privacy decides, and a chart id that
 * is not on that dashboard is NOT_FOUND.
 * TODO(filters): read the result cached for the dashboard's filter values (ChartResult.paramsKey) once
 * filtered results exist; today every dashboard reads the defaults' result (paramsKey "").
 */
export async function getChartCsv(user: SessionUser, chartId: string, dashboardId: string): Promise<ChartCsv> {
  const dashboard = await getDashboardOrThrow(dashboardId, user);
  assertAllowed(canDownloadDashboard(user, dashboard), "download from this dashboard");
  const tile = await getDb().dashboardTile.findFirst({
    where: { dashboardId, chartId },
    select: { chart: { select: { title: true, results: { where: { paramsKey: "" } } } } },
  });
  if (!tile?.chart) throw notFound("Chart");
  const result = tile.chart.results[0];
  if (!result?.computedAt) {
    throw new AppError("CONFLICT", `“${tile.chart.title}” has no data yet: refresh the dashboard, then download again.`);
  }
  const columns = result.columns as unknown as ResultColumn[];
  const rows = result.rows as unknown as unknown[][];
  return {
    csv: cachedResultCsv(columns, rows),
    filename: `${sanitizeFilename(tile.chart.title, "chart")}.csv`,
    rowCount: rows.length,
    truncated: result.truncated,
    computedAt: result.computedAt.toISOString(),
  };
}
