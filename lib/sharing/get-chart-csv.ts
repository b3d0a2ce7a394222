// One chart's cached result as a CSV download, for someone who can view the dashboard it sits on, for the
// dashboard's filter values (the same result the filtered dashboard shows).
import { assertAllowed } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { utcDay } from "@/lib/dashboard-filters/presets";
import { loadFilteredResults, planChartBindings } from "@/lib/dashboard-filters/resolve-filtered-results";
import { filtersOf } from "@/lib/dashboard-filters/schema";
import { decodeFilterValues, type SearchParamsLike } from "@/lib/dashboard-filters/url";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { sanitizeFilename } from "@/lib/export/csv";
import { REFRESH_SELECT } from "@/lib/refresh/refresh-dashboard";
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
 * is not on that dashboard is NOT_FOUND. Filter values come from `searchParams` (`f.<name>`, as on the
 * dashboard's URL); they are bound as parameters, and a chart they change is read from (or run into) the
 * result cached under their key, exactly as the dashboard page does.
 */
export async function getChartCsv(
  user: SessionUser,
  chartId: string,
  dashboardId: string,
  opts: { searchParams?: SearchParamsLike; now?: Date } = {},
): Promise<ChartCsv> {
  const now = opts.now ?? new Date();
  const dashboard = await getDashboardOrThrow(dashboardId, user);
  assertAllowed(canDownloadDashboard(user, dashboard), "download from this dashboard");
  const tile = await getDb().dashboardTile.findFirst({
    where: { dashboardId, chartId },
    select: {
      chart: {
        select: {
          ...REFRESH_SELECT,
          title: true,
          updatedAt: true,
          refreshIntervalMinutes: true,
          refreshCron: true,
          refreshTimezone: true,
          results: { where: { paramsKey: "" } },
        },
      },
    },
  });
  if (!tile?.chart) throw notFound("Chart");
  const chart = tile.chart;

  const filters = filtersOf(dashboard.filters);
  const values = opts.searchParams ? decodeFilterValues(filters, opts.searchParams) : {};
  const plans = planChartBindings([chart], filters, values, utcDay(now));
  let result: (typeof chart.results)[number] | undefined = chart.results[0];
  const filtered = Boolean(plans.get(chart.id)?.paramsKey);
  if (filtered) {
    const loaded = await loadFilteredResults({
      charts: [chart],
      plans,
      defaultComputedAt: new Map([[chart.id, result?.computedAt ?? null]]),
      dashboard,
      now,
    });
    result = loaded.get(chart.id)?.row ?? undefined;
  }
  if (!result?.computedAt) {
    const which = filtered ? "no data for these filter values yet" : "no data yet";
    throw new AppError("CONFLICT", `“${chart.title}” has ${which}: refresh the dashboard, then download again.`);
  }
  const columns = result.columns as unknown as ResultColumn[];
  const rows = result.rows as unknown as unknown[][];
  return {
    csv: cachedResultCsv(columns, rows),
    filename: `${sanitizeFilename(chart.title, "chart")}.csv`,
    rowCount: rows.length,
    truncated: result.truncated,
    computedAt: result.computedAt.toISOString(),
  };
}
