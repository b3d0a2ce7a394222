// A chart's own page: its refresh schedule (what it follows, or its own; editors change it) and the version
// history of its SQL and settings, with restore (editors; the API checks both again).
// Reached from a dashboard tile's menu ("History"); `from` is the dashboard to go back to.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartSchedulePanel } from "@/components/charts/ChartSchedulePanel";
import { ChartHistory } from "@/components/versions/ChartHistory";
import { canEditContent, canViewDashboard } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getChart } from "@/lib/charts/get-chart";
import { getChartScheduleView } from "@/lib/charts/get-chart-schedule-view";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const chart = await getChart((await params).id).catch(() => null);
  return { title: chart ? `History of ${chart.title}` : "Chart history" };
}

export default async function ChartVersionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string | string[] }>;
}) {
  const user = await requirePageUser();
  const { id } = await params;
  const [chart, schedule] = await Promise.all([getChart(id), getChartScheduleView(id, user)]);
  if (!chart || !schedule) notFound();
  const { from } = await searchParams;
  // Back to the dashboard it was opened from, when the user may see that dashboard.
  const back =
    typeof from === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(from)
      ? await getDb().dashboard.findUnique({ where: { id: from }, select: { id: true, title: true, isPrivate: true, ownerId: true } })
      : null;
  return (
    <main className="page">
      {back && canViewDashboard(user, back) && (
        <p>
          <Link href={`/dashboards/${encodeURIComponent(back.id)}`}>← {back.title}</Link>
        </p>
      )}
      <h1>History of {chart.title}</h1>
      <ChartSchedulePanel chartId={chart.id} title={chart.title} own={schedule.own} dashboards={schedule.dashboards} canEdit={canEditContent(user)} />
      <p className="muted">Every save of the chart&apos;s SQL and settings. Restoring saves the old version as a new one; nothing is lost.</p>
      <ChartHistory chartId={chart.id} version={chart.version} canEdit={canEditContent(user)} />
    </main>
  );
}
