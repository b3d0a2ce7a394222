import { canViewDashboard } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { chartHref, dashboardsOfCharts } from "@/lib/search/search";
import type { FavouriteItem } from "./schemas";

/**
 * The user's starred dashboards and charts, each kind by title. A dashboard starred before its owner made
 * it private is left out (the star stays, and shows again if it is shared again).
 */
export async function listFavourites(user: SessionUser): Promise<FavouriteItem[]> {
  const rows = await getDb().favourite.findMany({
    where: { userId: user.id },
    select: {
      createdAt: true,
      dashboard: { select: { id: true, title: true, isPrivate: true, ownerId: true } },
      chart: { select: { id: true, title: true } },
    },
  });
  const charts = rows.flatMap((r) => (r.chart ? [{ chart: r.chart, createdAt: r.createdAt }] : []));
  const onDashboards = await dashboardsOfCharts(
    user,
    charts.map((c) => c.chart.id),
  );
  const dashboards = rows
    .flatMap((r) => (r.dashboard && canViewDashboard(user, r.dashboard) ? [{ dashboard: r.dashboard, createdAt: r.createdAt }] : []))
    .map(
      ({ dashboard, createdAt }): FavouriteItem => ({
        kind: "dashboard",
        id: dashboard.id,
        title: dashboard.title,
        href: `/dashboards/${encodeURIComponent(dashboard.id)}`,
        starredAt: createdAt.toISOString(),
      }),
    );
  const chartItems = charts.map(
    ({ chart, createdAt }): FavouriteItem => ({
      kind: "chart",
      id: chart.id,
      title: chart.title,
      href: chartHref(user, chart.id, onDashboards.get(chart.id) ?? []),
      starredAt: createdAt.toISOString(),
    }),
  );
  const byTitle = (a: FavouriteItem, b: FavouriteItem) => a.title.localeCompare(b.title);
  return [...dashboards.sort(byTitle), ...chartItems.sort(byTitle)];
}
