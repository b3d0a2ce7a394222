// Refreshes the cached results dashboards read (DESIGN.md, decision 5). A chart whose query fails keeps
// its previous rows (stale data stays visible) and records the error and the time of the attempt (the
// failure is visible too). Every dashboard refresh is logged as a RefreshRun.
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parameterSpecsOf } from "@/lib/charts/chart-parameters";
import type { ParameterValue } from "@/lib/queries/parameters";
import { prepareQuery } from "@/lib/queries/prepare-query";
import { executeQuery } from "@/lib/queries/execute-query";
import { hasOwnRefreshSchedule } from "@/lib/schedules/refresh-schedule";

export type RefreshTrigger = "schedule" | "manual";

/** Charts of one dashboard refreshed at once; the warehouse pool limits concurrency per data source too. */
export const CHART_CONCURRENCY = 3;
/** Longest error text kept on a ChartResult or RefreshRun. */
const MAX_ERROR_LENGTH = 2_000;

export interface ChartRefreshOutcome {
  chartId: string;
  title: string;
  ok: boolean;
  error?: string;
  rowCount?: number;
  durationMs: number;
}

export interface RefreshRunSummary {
  id: string;
  dashboardId: string;
  /** "retrying": charts failed and the job will try them again. */
  status: "succeeded" | "failed" | "retrying";
  attempt: number;
  /** True when charts failed and attempts remain: the caller should have the attempt retried. */
  willRetry: boolean;
  totalCharts: number;
  failedCharts: number;
  error: string | null;
  charts: ChartRefreshOutcome[];
}

export interface RefreshAttempt {
  /** 1 for the first attempt; a later attempt re-runs only the charts whose last attempt failed. */
  attempt?: number;
  /** Attempts in all; when this one is not the last, failed charts make the run "retrying". */
  maxAttempts?: number;
}

function errorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

/** What a refresh reads of a chart. */
export const REFRESH_SELECT = { id: true, title: true, sql: true, dataSourceId: true, parameters: true } as const;
export type RefreshableChart = Prisma.ChartGetPayload<{ select: typeof REFRESH_SELECT }>;

/**
 * Parameter values to run a chart with instead of its defaults (dashboard filters), and the key its result
 * is cached under (ChartResult.paramsKey; "" is the defaults' result).
 */
export interface ChartRunParams {
  values: Record<string, ParameterValue>;
  paramsKey: string;
}

async function refreshLoadedChart(chart: RefreshableChart, params?: ChartRunParams): Promise<ChartRefreshOutcome> {
  const db = getDb();
  const attemptedAt = new Date();
  const paramsKey = params?.paramsKey ?? "";
  const where = { chartId_paramsKey: { chartId: chart.id, paramsKey } };
  try {
    // Snippets are expanded as they are now and parameters take their defaults (unless values are given),
    // as on the SQL page.
    const prepared = await prepareQuery({ sql: chart.sql, parameters: parameterSpecsOf(chart.parameters), values: params?.values });
    // Through the engine, so a chart on several dashboards (or one an analyst is running right now) runs once.
    const { result } = await executeQuery({
      dataSourceId: chart.dataSourceId,
      text: prepared.text,
      values: prepared.values,
      runId: randomUUID(),
      userId: null,
    });
    const values = {
      columns: result.columns as unknown as Prisma.InputJsonValue,
      rows: result.rows as unknown as Prisma.InputJsonValue,
      rowCount: result.rowCount,
      truncated: result.truncated,
      durationMs: result.durationMs,
      computedAt: new Date(),
      lastAttemptAt: attemptedAt,
      lastError: null,
    };
    await db.chartResult.upsert({ where, create: { chartId: chart.id, paramsKey, ...values }, update: values });
    return { chartId: chart.id, title: chart.title, ok: true, rowCount: result.rowCount, durationMs: result.durationMs };
  } catch (e) {
    const error = errorText(e);
    // Only the attempt is recorded: columns, rows and computedAt keep describing the last good run.
    await db.chartResult.upsert({
      where,
      create: { chartId: chart.id, paramsKey, lastAttemptAt: attemptedAt, lastError: error },
      update: { lastAttemptAt: attemptedAt, lastError: error },
    });
    return { chartId: chart.id, title: chart.title, ok: false, error, durationMs: Date.now() - attemptedAt.getTime() };
  }
}

/**
 * Runs one chart's query and caches the result (paramsKey ""). Query errors are recorded on the cached
 * result and returned, not thrown; a missing chart throws NOT_FOUND.
 */
export async function refreshChart(chartId: string): Promise<ChartRefreshOutcome> {
  const chart = await getDb().chart.findUnique({
    where: { id: chartId },
    select: REFRESH_SELECT,
  });
  if (!chart) throw notFound("Chart");
  return refreshLoadedChart(chart);
}

/**
 * Runs a loaded chart with the given parameter values and caches the result under `params.paramsKey`, with
 * the same rules as a refresh: an error is recorded on that cached result (its previous rows stay) and
 * returned, not thrown.
 */
export function refreshChartWithParams(chart: RefreshableChart, params: ChartRunParams): Promise<ChartRefreshOutcome> {
  return refreshLoadedChart(chart, params);
}

/**
 * Runs the chart's query now unless a result is already cached (e.g. when a chart is first put on a
 * dashboard, so the tile shows data at once). Returns null when the cache already had a result.
 */
export async function ensureChartResult(chartId: string): Promise<ChartRefreshOutcome | null> {
  const cached = await getDb().chartResult.findUnique({
    where: { chartId_paramsKey: { chartId, paramsKey: "" } },
    select: { computedAt: true },
  });
  if (cached?.computedAt) return null;
  return refreshChart(chartId);
}

export async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Chart ids whose last refresh (default parameters) succeeded: a retry leaves them alone. */
async function chartsThatSucceeded(chartIds: string[]): Promise<Set<string>> {
  const rows = await getDb().chartResult.findMany({
    where: { chartId: { in: chartIds }, paramsKey: "", lastError: null, lastAttemptAt: { not: null } },
    select: { chartId: true },
  });
  return new Set(rows.map((r) => r.chartId));
}

/**
 * Refreshes the charts on the dashboard (on schedule, only those that follow its schedule) and records a RefreshRun with its
 * attempt number and duration: "succeeded" when every chart ran; with failures, "retrying" while attempts
 * remain (a retry re-runs only the charts that failed) and "failed" on the last attempt, with a summary
 * naming the charts that did not run. Throws NOT_FOUND when the dashboard is gone; other thrown errors mean
 * the app DB itself failed (the run is then marked failed if it can be).
 */
export async function refreshDashboard(dashboardId: string, trigger: RefreshTrigger, opts: RefreshAttempt = {}): Promise<RefreshRunSummary> {
  const attempt = opts.attempt ?? 1;
  const maxAttempts = opts.maxAttempts ?? 1;
  const db = getDb();
  const dashboard = await db.dashboard.findUnique({
    where: { id: dashboardId },
    select: {
      id: true,
      tiles: {
        where: { chartId: { not: null } },
        orderBy: [{ y: "asc" }, { x: "asc" }, { position: "asc" }],
        select: { chart: { select: { ...REFRESH_SELECT, refreshIntervalMinutes: true, refreshCron: true } } },
      },
    },
  });
  if (!dashboard) throw notFound("Dashboard");

  const startedAt = new Date();
  const run = await db.refreshRun.create({ data: { dashboardId, trigger, status: "running", attempt, startedAt }, select: { id: true } });
  const finish = (data: { status: string; error: string | null }) => {
    const finishedAt = new Date();
    return db.refreshRun.update({ where: { id: run.id }, data: { ...data, finishedAt, durationMs: finishedAt.getTime() - startedAt.getTime() } });
  };
  try {
    // A chart placed twice on a dashboard runs once. On schedule, a chart with a schedule of its own is left
    // to its own job scheduler (or not refreshed at all when its schedule is off); "Refresh now" is someone
    // asking for fresh numbers on everything they see, so it runs those charts too.
    const skipOwn = trigger === "schedule";
    let charts = [
      ...new Map(
        dashboard.tiles.flatMap((t) => (t.chart && !(skipOwn && hasOwnRefreshSchedule(t.chart)) ? [[t.chart.id, t.chart] as const] : [])),
      ).values(),
    ];
    // Counted before a retry narrows the list: the last attempt's summary is read as the dashboard's
    // ("1 of 1 charts failed" for a dashboard of ten read as if all of it had failed).
    const chartCount = charts.length;
    if (attempt > 1) {
      const succeeded = await chartsThatSucceeded(charts.map((c) => c.id));
      charts = charts.filter((c) => !succeeded.has(c.id));
    }
    const outcomes = await mapLimited(charts, CHART_CONCURRENCY, (chart) => refreshLoadedChart(chart));
    const failed = outcomes.filter((o) => !o.ok);
    const error = failed.length
      ? errorText(`${failed.length} of ${chartCount} charts failed: ${failed.map((f) => `${f.title}: ${f.error}`).join("; ")}`)
      : null;
    const willRetry = failed.length > 0 && attempt < maxAttempts;
    const status = failed.length ? (willRetry ? "retrying" : "failed") : "succeeded";
    await finish({ status, error });
    return { id: run.id, dashboardId, status, attempt, willRetry, totalCharts: outcomes.length, failedCharts: failed.length, error, charts: outcomes };
  } catch (e) {
    await finish({ status: "failed", error: errorText(e) }).catch(() => {}); // the DB may be what failed; the job's own failure is logged by the worker
    throw e;
  }
}
