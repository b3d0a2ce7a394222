// Everything a dashboard page needs in one read: its tiles, their charts, each chart's result and the
// dashboard's filters. With no filter values in play, tiles read the results refreshes keep and the
// warehouse is never touched; charts that filter values change are served by lib/dashboard-filters.
import { chartPeopleInclude, toChartPerson } from "@/lib/charts/chart-record";
import type { VizConfig, VizType } from "@/lib/charts/types";
import { loadFilteredResults, planChartBindings, type FilteredResult } from "@/lib/dashboard-filters/resolve-filtered-results";
import { utcDay } from "@/lib/dashboard-filters/presets";
import { filtersOf, type DashboardFilter, type FilterValues } from "@/lib/dashboard-filters/schema";
import { decodeFilterValues, type SearchParamsLike } from "@/lib/dashboard-filters/url";
import { getDb } from "@/lib/db";
import type { ChartResult } from "@/lib/generated/prisma/client";
import { staleAfter } from "@/lib/schedules/data-freshness";
import { chartRefreshSchedule, effectiveRefreshSchedule, type RefreshSchedule } from "@/lib/schedules/refresh-schedule";
import type { ResultColumn } from "@/lib/warehouse/types";

export interface TileResult {
  columns: ResultColumn[];
  rows: unknown[][];
  rowCount: number;
  truncated: boolean;
  durationMs: number;
  computedAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  /** The cache key of this result: "" for the chart's defaults, else the hash of its filter values. */
  paramsKey?: string;
  /**
   * From when the data counts as late for the schedule that refreshes it (ISO), or null when that schedule
   * never makes it late (refreshes off). Optional for views built elsewhere.
   */
  staleAfter?: string | null;
}

export interface TileChart {
  id: string;
  title: string;
  description: string;
  vizType: VizType;
  vizConfig: VizConfig;
  /** Display names; null when the user was deleted. */
  ownerName: string | null;
  updatedByName: string | null;
  /** When the chart was last saved (ISO). */
  updatedAt: string;
  /** The chart's own refresh schedule, or null when it follows its dashboards'. Optional for views built elsewhere. */
  schedule?: RefreshSchedule | null;
}

export interface DashboardTileView {
  id: string;
  kind: "chart" | "text" | "header";
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  chart: TileChart | null;
  result: TileResult | null;
  /** Names of the dashboard filters this tile's result reflects (the chart has their parameter). */
  appliedFilters?: string[];
}

export interface DashboardView {
  id: string;
  title: string;
  description: string;
  refreshIntervalMinutes: number;
  /** A cron expression (in refreshTimezone) that replaces the interval when set. Optional for views built elsewhere. */
  refreshCron?: string | null;
  refreshTimezone?: string;
  version: number;
  /** When this view was read (ms since the epoch): the "now" of relative times on first paint. */
  loadedAt: number;
  tiles: DashboardTileView[];
  // Optional only so views built elsewhere (the public share view) need not carry them; getDashboardView
  // always sets them.
  /** The dashboard's filter definitions. */
  filters?: DashboardFilter[];
  /** The filter values this view was computed with, as the URL set them (absent names took their defaults). */
  filterValues?: FilterValues;
  /** The UTC day date-range presets were resolved against (YYYY-MM-DD). */
  filterToday?: string;
  /** Set by getDashboardPageView: true when refreshes cannot be queued (Redis unreachable), and why. */
  refreshesPaused?: boolean;
  refreshesPausedReason?: string | null;
}

export interface DashboardViewOptions {
  /** The page's query string (Next's `searchParams`, or URLSearchParams): `f.<name>` filter values. */
  searchParams?: SearchParamsLike;
  /** Filter values already decoded; used instead of `searchParams`. */
  filterValues?: FilterValues;
  /** The instant presets resolve against and freshness is judged at; default now. */
  now?: Date;
}

function toTileResult(r: ChartResult, schedule: RefreshSchedule): TileResult {
  const due = r.computedAt ? staleAfter(schedule, r.computedAt) : null;
  return {
    columns: r.columns as unknown as ResultColumn[],
    rows: r.rows as unknown as unknown[][],
    rowCount: r.rowCount,
    truncated: r.truncated,
    durationMs: r.durationMs,
    computedAt: r.computedAt?.toISOString() ?? null,
    lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
    lastError: r.lastError,
    paramsKey: r.paramsKey,
    staleAfter: due?.toISOString() ?? null,
  };
}

/** A tile whose chart could not be run with its filter values, and has no earlier result for them. */
function failedResult(paramsKey: string, error: string): TileResult {
  return {
    columns: [],
    rows: [],
    rowCount: 0,
    truncated: false,
    durationMs: 0,
    computedAt: null,
    lastAttemptAt: null,
    lastError: error,
    paramsKey,
  };
}

/**
 * The dashboard with every tile's result. Filter values come from `options` (a URL's `f.<name>`
 * parameters, or decoded values); filters not given take their defaults. Callers that pass nothing get the
 * dashboard as a link without filter values opens it.
 */
export async function getDashboardView(dashboardId: string, options: DashboardViewOptions = {}): Promise<DashboardView | null> {
  const now = options.now ?? new Date();
  const dashboard = await getDb().dashboard.findUnique({
    where: { id: dashboardId },
    include: {
      tiles: {
        orderBy: [{ y: "asc" }, { x: "asc" }, { position: "asc" }],
        include: { chart: { include: { ...chartPeopleInclude, results: { where: { paramsKey: "" } } } } },
      },
    },
  });
  if (!dashboard) return null;

  const filters = filtersOf(dashboard.filters);
  const filterValues = options.filterValues ?? (options.searchParams ? decodeFilterValues(filters, options.searchParams) : {});
  const today = utcDay(now);
  const charts = dashboard.tiles.flatMap((t) => (t.chart ? [t.chart] : []));
  const plans = planChartBindings(charts, filters, filterValues, today);
  const filtered: Map<string, FilteredResult> = await loadFilteredResults({
    charts,
    plans,
    defaultComputedAt: new Map(charts.map((c) => [c.id, c.results[0]?.computedAt ?? null])),
    dashboard,
    now,
  });

  return {
    id: dashboard.id,
    title: dashboard.title,
    description: dashboard.description,
    refreshIntervalMinutes: dashboard.refreshIntervalMinutes,
    refreshCron: dashboard.refreshCron,
    refreshTimezone: dashboard.refreshTimezone,
    version: dashboard.version,
    loadedAt: now.getTime(),
    filters,
    filterValues,
    filterToday: today,
    tiles: dashboard.tiles.map((t) => {
      const plan = t.chart ? plans.get(t.chart.id) : undefined;
      let result: TileResult | null = null;
      const schedule = effectiveRefreshSchedule(dashboard, t.chart);
      if (t.chart && plan && plan.paramsKey !== "") {
        const f = filtered.get(t.chart.id);
        if (f?.row) result = toTileResult(f.row, schedule);
        if (f?.error) result = result ? { ...result, lastError: f.error } : failedResult(plan.paramsKey, f.error);
      } else if (t.chart?.results[0]) {
        result = toTileResult(t.chart.results[0], schedule);
      }
      return {
        id: t.id,
        kind: t.kind === "text" || t.kind === "header" ? t.kind : "chart",
        text: t.text,
        x: t.x,
        y: t.y,
        w: t.w,
        h: t.h,
        chart: t.chart
          ? {
              id: t.chart.id,
              title: t.chart.title,
              description: t.chart.description,
              vizType: t.chart.vizType as VizType,
              vizConfig: (t.chart.vizConfig ?? {}) as VizConfig,
              ownerName: toChartPerson(t.chart.owner)?.name ?? null,
              updatedByName: toChartPerson(t.chart.updatedBy)?.name ?? null,
              updatedAt: t.chart.updatedAt.toISOString(),
              schedule: chartRefreshSchedule(t.chart),
            }
          : null,
        result,
        appliedFilters: plan?.applied ?? [],
      };
    }),
  };
}
