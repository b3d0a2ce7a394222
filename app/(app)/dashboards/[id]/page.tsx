import { notFound } from "next/navigation";
import { DashboardPage } from "@/components/dashboards/DashboardPage";
import { canEditContent, canViewDashboard } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getDashboardView } from "@/lib/dashboards/get-dashboard-view";
import { getDb } from "@/lib/db";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const row = await getDb().dashboard.findUnique({ where: { id }, select: { isPrivate: true, ownerId: true } });
  if (!row || !canViewDashboard(user, row)) notFound();
  const view = await getDashboardView(id);
  if (!view) notFound();
  return <DashboardPage initial={view} canEdit={canEditContent(user)} />;
}
