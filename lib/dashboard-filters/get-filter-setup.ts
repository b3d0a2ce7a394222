// What the filter editor starts from: the saved filters, the dashboard version, and the parameters its
// charts declare (a filter binds to them by name).
import type { SessionUser } from "@/lib/auth/session";
import { parameterSpecsOf } from "@/lib/charts/chart-parameters";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { getDb } from "@/lib/db";
import type { ParameterType } from "@/lib/queries/parameters";
import { chartParameterSpecs } from "./bind";
import { filtersOf, type DashboardFilter } from "./schema";

export interface DashboardParameter {
  name: string;
  type: ParameterType;
  /** The charts on the dashboard that use it, with its type there (charts may disagree). */
  charts: { id: string; title: string; type: ParameterType }[];
}

export interface FilterSetup {
  version: number;
  filters: DashboardFilter[];
  parameters: DashboardParameter[];
}

export async function getFilterSetup(user: SessionUser, dashboardId: string): Promise<FilterSetup> {
  const dashboard = await getDashboardOrThrow(dashboardId, user);
  const tiles = await getDb().dashboardTile.findMany({
    where: { dashboardId, chartId: { not: null } },
    orderBy: [{ y: "asc" }, { x: "asc" }, { position: "asc" }],
    select: { chart: { select: { id: true, title: true, sql: true, parameters: true } } },
  });
  const byName = new Map<string, DashboardParameter>();
  const seenCharts = new Set<string>();
  for (const { chart } of tiles) {
    if (!chart || seenCharts.has(chart.id)) continue;
    seenCharts.add(chart.id);
    for (const spec of chartParameterSpecs(chart.sql, parameterSpecsOf(chart.parameters))) {
      const entry = byName.get(spec.name) ?? { name: spec.name, type: spec.type, charts: [] };
      entry.charts.push({ id: chart.id, title: chart.title, type: spec.type });
      byName.set(spec.name, entry);
    }
  }
  return {
    version: dashboard.version,
    filters: filtersOf(dashboard.filters),
    parameters: [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
