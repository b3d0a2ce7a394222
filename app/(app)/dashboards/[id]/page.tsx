import { notFound } from "next/navigation";
import { DashboardPage } from "@/components/dashboards/DashboardPage";
import { canEditContent, canViewDashboard } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getDashboardPageView } from "@/lib/dashboards/get-dashboard-page-view";
import { canChangeDashboardPrivacy } from "@/lib/dashboards/update-dashboard";
import { getDb } from "@/lib/db";
import { favouriteChartIds } from "@/lib/favourites/favourite-chart-ids";
import { isFavourite } from "@/lib/favourites/set-favourite";
import { internalDashboardMetadata } from "@/lib/sharing/unfurl-metadata";

/** Title only: an internal link unfurls with the dashboard's name and nothing else. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return internalDashboardMetadata((await params).id);
}

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const query = await searchParams;
  const tv = query.tv;
  const user = await requirePageUser();
  const row = await getDb().dashboard.findUnique({ where: { id }, select: { isPrivate: true, ownerId: true, tags: true } });
  if (!row || !canViewDashboard(user, row)) notFound();
  // Filter values from the URL (?f.<name>=...), so a pasted link shows the same numbers. Served from the
  // cache even when Redis is down (the page then says that refreshes are paused).
  const view = await getDashboardPageView(id, { searchParams: query });
  if (!view) notFound();
  const chartIds = view.tiles.flatMap((t) => (t.chart ? [t.chart.id] : []));
  const [favourite, starredCharts] = await Promise.all([isFavourite(user.id, "dashboard", id), favouriteChartIds(user.id, chartIds)]);
  return (
    <DashboardPage
      initial={view}
      canEdit={canEditContent(user)}
      canSetPrivate={canChangeDashboardPrivacy(user, row)}
      settings={{ tags: row.tags, isPrivate: row.isPrivate }}
      initialTv={tv === "1"}
      favourite={favourite}
      favouriteChartIds={starredCharts}
    />
  );
}
