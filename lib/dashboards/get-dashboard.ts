import { canViewDashboard } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

/** The dashboard row, or NOT_FOUND (also when it is private to someone else: no existence leak). */
export async function getDashboardOrThrow(id: string, user: SessionUser | null) {
  const dashboard = await getDb().dashboard.findUnique({ where: { id } });
  if (!dashboard) throw notFound("Dashboard");
  if (user && !canViewDashboard(user, dashboard)) throw notFound("Dashboard");
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  return dashboard;
}
