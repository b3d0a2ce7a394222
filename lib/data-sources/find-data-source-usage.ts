// What depends on a data source: the charts that run on it, the dashboard drop-down filters whose values
// come from it (a reference inside Dashboard.filters, which no foreign key protects) and its runs in the
// query history. Deleting it is refused while charts or filters use it.
import { getDb } from "@/lib/db";
import { joinWithAnd } from "@/lib/text/join-with-and";

export interface DataSourceUsage {
  charts: { id: string; title: string }[];
  /** Drop-down filters whose values come from this data source, with their dashboards. */
  filters: { dashboardId: string; dashboardTitle: string; label: string }[];
  historyRuns: number;
}

type Db = Pick<ReturnType<typeof getDb>, "chart" | "dashboard" | "queryRun">;

function isFilterOn(filter: unknown, dataSourceId: string): filter is { type: "select"; label: string; options: { dataSourceId: string } } {
  if (!filter || typeof filter !== "object") return false;
  const f = filter as { type?: unknown; options?: { dataSourceId?: unknown } };
  return f.type === "select" && f.options?.dataSourceId === dataSourceId;
}

export async function findDataSourceUsage(dataSourceId: string, db: Db = getDb()): Promise<DataSourceUsage> {
  const [charts, dashboards, historyRuns] = await Promise.all([
    db.chart.findMany({ where: { dataSourceId }, select: { id: true, title: true }, orderBy: { title: "asc" } }),
    // Filters are JSON: the drop-downs are found by reading them (dashboards number in the hundreds at most).
    db.dashboard.findMany({ select: { id: true, title: true, filters: true }, orderBy: { title: "asc" } }),
    db.queryRun.count({ where: { dataSourceId } }),
  ]);
  const filters = dashboards.flatMap((d) =>
    (Array.isArray(d.filters) ? d.filters : [])
      .filter((f) => isFilterOn(f, dataSourceId))
      .map((f) => ({ dashboardId: d.id, dashboardTitle: d.title, label: (f as { label: string }).label })),
  );
  return { charts, filters, historyRuns };
}

/** "a", "a and b", "a, b and 3 more". */
function listNames(names: string[], max = 3): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= max) return joinWithAnd(quoted);
  return `${quoted.slice(0, max).join(", ")} and ${quoted.length - max} more`;
}

/**
 * Why a data source cannot be deleted, naming what uses it, or null when nothing does. History runs do not
 * block: they stay in the history without the data source.
 */
export function usageBlockingDelete(name: string, usage: DataSourceUsage): string | null {
  const parts: string[] = [];
  const { charts, filters } = usage;
  if (charts.length > 0) parts.push(`${charts.length} chart${charts.length === 1 ? "" : "s"} (${listNames(charts.map((c) => c.title))})`);
  if (filters.length > 0) {
    const dashboards = [...new Set(filters.map((f) => f.dashboardTitle))];
    parts.push(
      `the drop-down filter${filters.length === 1 ? "" : "s"} ${listNames(filters.map((f) => f.label))} of the dashboard${dashboards.length === 1 ? "" : "s"} ${listNames(dashboards)}`,
    );
  }
  if (parts.length === 0) return null;
  const what = [charts.length > 0 ? "move the charts to another data source or delete them" : "", filters.length > 0 ? "point the filters at another data source or remove them" : ""]
    .filter(Boolean)
    .join(", and ");
  return `"${name}" is used by ${parts.join(" and by ")}. To delete it, first ${what}.`;
}
