// The results of a dashboard's charts for given filter values (DESIGN.md, decisions 3 and 5). A chart the
// filters do not change is served from the result refreshes keep (paramsKey ""); a chart they do change is
// served from the result cached under the hash of its bound values when that is fresh, else run now and
// cached under that key. Query errors are recorded per chart, never thrown.
import { parameterSpecsOf } from "@/lib/charts/chart-parameters";
import { getDb } from "@/lib/db";
import type { ChartResult } from "@/lib/generated/prisma/client";
import { CHART_CONCURRENCY, mapLimited, refreshChartWithParams, type RefreshableChart } from "@/lib/refresh/refresh-dashboard";
import { effectiveRefreshSchedule } from "@/lib/schedules/refresh-schedule";
import { bindFilters, chartParameterSpecs } from "./bind";
import { needsRun } from "./freshness";
import { paramsKeyOf } from "./params-key";
import type { DashboardFilter, FilterValues } from "./schema";

/** Filtered results nobody has asked for in this long are deleted when the chart next runs filtered. */
export const FILTERED_RESULT_RETENTION_MS = 7 * 86_400_000;

/** A chart as filters run it: with its last edit and its own refresh schedule (null columns: its dashboards'). */
export type FilterableChart = RefreshableChart & {
  updatedAt: Date;
  refreshIntervalMinutes: number | null;
  refreshCron: string | null;
  refreshTimezone: string | null;
};

export interface ChartPlan {
  chartId: string;
  /** "" when the filters leave the chart at its defaults. */
  paramsKey: string;
  values: ReturnType<typeof bindFilters>["values"];
  /** Filters whose value the chart's result reflects. */
  applied: string[];
}

/** How each chart is bound: its values and the key of its cached result. */
export function planChartBindings(
  charts: readonly FilterableChart[],
  filters: readonly DashboardFilter[],
  values: FilterValues,
  today: string,
): Map<string, ChartPlan> {
  const plans = new Map<string, ChartPlan>();
  for (const chart of charts) {
    if (plans.has(chart.id)) continue;
    const specs = chartParameterSpecs(chart.sql, parameterSpecsOf(chart.parameters));
    const binding = bindFilters(filters, values, specs, today);
    plans.set(chart.id, { chartId: chart.id, paramsKey: paramsKeyOf(binding.values), values: binding.values, applied: binding.applied });
  }
  return plans;
}

// Identical filtered runs in flight in this process run once: the second request waits for the first.
const globalForFlights = globalThis as unknown as { spyglassFilteredRuns?: Map<string, Promise<void>> };
const flights = (globalForFlights.spyglassFilteredRuns ??= new Map());

function runOnce(chart: RefreshableChart, plan: ChartPlan): Promise<void> {
  const key = `${chart.id}\u0000${plan.paramsKey}`;
  let flight = flights.get(key);
  if (!flight) {
    flight = refreshChartWithParams(chart, { values: plan.values, paramsKey: plan.paramsKey })
      .then(() => undefined)
      .finally(() => flights.delete(key));
    flights.set(key, flight);
  }
  return flight;
}

export interface FilteredResult {
  /** The cached result served (null when there is none, e.g. the first run failed). */
  row: ChartResult | null;
  /** Set when the chart could not be run or stored at all (the app DB failed), beyond a query error. */
  error?: string;
}

/**
 * The result of every chart whose plan has a paramsKey, running those without a fresh one (a few at a time;
 * the warehouse pool also limits connections per data source). Charts left at their defaults are not in
 * the answer: the caller serves them from the default result it already read.
 */
export async function loadFilteredResults(input: {
  charts: readonly FilterableChart[];
  plans: Map<string, ChartPlan>;
  defaultComputedAt: Map<string, Date | null>;
  /** The dashboard's schedule columns: charts without a schedule of their own follow it. */
  dashboard: { refreshIntervalMinutes: number; refreshCron: string | null; refreshTimezone: string };
  now: Date;
}): Promise<Map<string, FilteredResult>> {
  const db = getDb();
  const chartsById = new Map(input.charts.map((c) => [c.id, c]));
  const keyed = [...input.plans.values()].filter((p) => p.paramsKey !== "" && chartsById.has(p.chartId));
  const out = new Map<string, FilteredResult>();
  if (keyed.length === 0) return out;

  const where = { OR: keyed.map((p) => ({ chartId: p.chartId, paramsKey: p.paramsKey })) };
  const cached = new Map((await db.chartResult.findMany({ where })).map((r) => [r.chartId, r]));
  const stale = keyed.filter((p) =>
    needsRun(cached.get(p.chartId), {
      chartUpdatedAt: chartsById.get(p.chartId)!.updatedAt,
      defaultComputedAt: input.defaultComputedAt.get(p.chartId) ?? null,
      schedule: effectiveRefreshSchedule(input.dashboard, chartsById.get(p.chartId)),
      now: input.now,
    }),
  );

  const failed = new Set<string>();
  await mapLimited(stale, CHART_CONCURRENCY, async (plan) => {
    try {
      await runOnce(chartsById.get(plan.chartId)!, plan);
    } catch (e) {
      // Not a query error (those are recorded on the result): the app DB failed. Logged, not shown.
      console.error(`Running chart ${plan.chartId} with filter values failed:`, e);
      failed.add(plan.chartId);
    }
  });

  if (stale.length > 0) {
    const fresh = await db.chartResult.findMany({ where: { OR: stale.map((p) => ({ chartId: p.chartId, paramsKey: p.paramsKey })) } });
    for (const r of fresh) cached.set(r.chartId, r);
    await db.chartResult
      .deleteMany({
        where: {
          chartId: { in: stale.map((p) => p.chartId) },
          paramsKey: { not: "" },
          lastAttemptAt: { lt: new Date(input.now.getTime() - FILTERED_RESULT_RETENTION_MS) },
        },
      })
      .catch((e: unknown) => console.error("Pruning old filtered chart results failed:", e));
  }

  for (const plan of keyed) {
    out.set(plan.chartId, {
      row: cached.get(plan.chartId) ?? null,
      error: failed.has(plan.chartId) ? "This chart could not be run with these filter values. Try again in a moment." : undefined,
    });
  }
  return out;
}
