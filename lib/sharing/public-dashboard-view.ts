// What a public link shows: the dashboard view with everything that must not leave the company removed
// (the SQL of drop-down filters, warehouse error texts, people's names). Built field by field, never by
// spreading, so a field added to DashboardView later stays private until someone decides it may be public.
import type { DashboardFilter, FilterValues } from "@/lib/dashboard-filters/schema";
import type { SearchParamsLike } from "@/lib/dashboard-filters/url";
import { getDashboardView, type DashboardTileView, type DashboardView } from "@/lib/dashboards/get-dashboard-view";
import { resolveShareToken, shareLinkNotFound } from "./resolve-share-link";

/** Shown instead of a warehouse error, which can quote the SQL ("syntax error at or near ..."). */
export const PUBLIC_REFRESH_ERROR = "The latest refresh of this chart failed.";

/** A filter as a public page knows it: a drop-down's values query (its SQL and data source) is left out. */
export type PublicFilter =
  | { type: "date_range"; name: string; label: string; default?: Extract<DashboardFilter, { type: "date_range" }>["default"] }
  | { type: "select"; name: string; label: string; multiple?: boolean; default?: string | string[] }
  | { type: "text"; name: string; label: string; default?: string };

export interface PublicDashboardView extends Omit<DashboardView, "filters"> {
  filters: PublicFilter[];
}

function publicFilter(f: DashboardFilter): PublicFilter {
  switch (f.type) {
    case "date_range":
      return { type: f.type, name: f.name, label: f.label, default: f.default };
    case "select":
      return { type: f.type, name: f.name, label: f.label, multiple: f.multiple, default: f.default };
    case "text":
      return { type: f.type, name: f.name, label: f.label, default: f.default };
  }
}

function publicTile(tile: DashboardTileView): DashboardTileView {
  const { chart, result } = tile;
  return {
    id: tile.id,
    kind: tile.kind,
    text: tile.text,
    x: tile.x,
    y: tile.y,
    w: tile.w,
    h: tile.h,
    chart: chart
      ? {
          id: chart.id,
          title: chart.title,
          description: chart.description,
          vizType: chart.vizType,
          vizConfig: chart.vizConfig,
          // People's names stay inside the company.
          ownerName: null,
          updatedByName: null,
          updatedAt: chart.updatedAt,
        }
      : null,
    result: result
      ? {
          columns: result.columns.map((c) => ({ name: c.name, type: c.type, dbType: c.dbType })),
          rows: result.rows,
          rowCount: result.rowCount,
          truncated: result.truncated,
          durationMs: result.durationMs,
          computedAt: result.computedAt,
          lastAttemptAt: result.lastAttemptAt,
          lastError: result.lastError ? PUBLIC_REFRESH_ERROR : null,
          paramsKey: result.paramsKey,
        }
      : null,
    appliedFilters: tile.appliedFilters ? [...tile.appliedFilters] : undefined,
  };
}

export function toPublicDashboardView(view: DashboardView): PublicDashboardView {
  const filterValues: FilterValues | undefined = view.filterValues ? { ...view.filterValues } : undefined;
  return {
    id: view.id,
    title: view.title,
    description: view.description,
    refreshIntervalMinutes: view.refreshIntervalMinutes,
    version: view.version,
    loadedAt: view.loadedAt,
    tiles: view.tiles.map(publicTile),
    filters: (view.filters ?? []).map(publicFilter),
    filterValues,
    filterToday: view.filterToday,
  };
}

export interface PublicDashboard {
  linkId: string;
  dashboardId: string;
  view: PublicDashboardView;
}

/**
 * The public view behind a token, with the filter values of the page's or request's query string
 * (`f.<name>`, lib/dashboard-filters/url.ts; values only, bound as parameters, never SQL), or null for any
 * token that does not open a dashboard.
 */
export async function findPublicDashboard(
  token: string,
  opts: { searchParams?: SearchParamsLike; now?: Date } = {},
): Promise<PublicDashboard | null> {
  const now = opts.now ?? new Date();
  const link = await resolveShareToken(token, now);
  if (!link) return null;
  const view = await getDashboardView(link.dashboardId, { searchParams: opts.searchParams, now });
  if (!view) return null;
  return { linkId: link.linkId, dashboardId: link.dashboardId, view: toPublicDashboardView(view) };
}

/** For route handlers: the public dashboard, or the one share-link NOT_FOUND. */
export async function getPublicDashboardOrThrow(token: string, opts: { searchParams?: SearchParamsLike; now?: Date } = {}): Promise<PublicDashboard> {
  const found = await findPublicDashboard(token, opts);
  if (!found) throw shareLinkNotFound();
  return found;
}
