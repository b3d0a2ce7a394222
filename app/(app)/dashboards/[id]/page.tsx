import { notFound } from "next/navigation";
import { DashboardPage } from "@/components/dashboards/DashboardPage";
import { canEditContent, canViewDashboard } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getDashboardView } from "@/lib/dashboards/get-dashboard-view";
import { canChangeDashboardPrivacy } from "@/lib/dashboards/update-dashboard";
import { getDb } from "@/lib/db";

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ tv?: string }> }) {
  const { id } = await params;
  const { tv } = await searchParams;
  const user = await requirePageUser();
  const row = await getDb().dashboard.findUnique({ where: { id }, select: { isPrivate: true, ownerId: true, tags: true } });
  if (!row || !canViewDashboard(user, row)) notFound();
  const view = await getDashboardView(id);
  if (!view) notFound();
  return (
    <DashboardPage
      initial={view}
      canEdit={canEditContent(user)}
      canSetPrivate={canChangeDashboardPrivacy(user, row)}
      settings={{ tags: row.tags, isPrivate: row.isPrivate }}
      initialTv={tv === "1"}
    />
  );
}
