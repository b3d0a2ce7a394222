import { canViewDashboard } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { SetFavouriteBody } from "./schemas";

/**
 * Stars or unstars a dashboard or chart for `user`. Setting the state it already has is not an error, so
 * a double click or two tabs cannot make it flip twice. A private dashboard of someone else is NOT_FOUND.
 */
export async function setFavourite(user: SessionUser, { kind, id, favourite }: SetFavouriteBody): Promise<SetFavouriteBody> {
  const db = getDb();
  if (kind === "dashboard") {
    const dashboard = await db.dashboard.findUnique({ where: { id }, select: { isPrivate: true, ownerId: true } });
    if (!dashboard || !canViewDashboard(user, dashboard)) throw notFound("Dashboard");
    if (favourite) await db.favourite.createMany({ data: [{ userId: user.id, dashboardId: id }], skipDuplicates: true });
    else await db.favourite.deleteMany({ where: { userId: user.id, dashboardId: id } });
  } else {
    const chart = await db.chart.findUnique({ where: { id }, select: { id: true } });
    if (!chart) throw notFound("Chart");
    if (favourite) await db.favourite.createMany({ data: [{ userId: user.id, chartId: id }], skipDuplicates: true });
    else await db.favourite.deleteMany({ where: { userId: user.id, chartId: id } });
  }
  return { kind, id, favourite };
}

/** Whether `user` has starred this dashboard or chart (for a StarButton's `initial`). */
export async function isFavourite(userId: string, kind: SetFavouriteBody["kind"], id: string): Promise<boolean> {
  const row = await getDb().favourite.findFirst({
    where: kind === "dashboard" ? { userId, dashboardId: id } : { userId, chartId: id },
    select: { id: true },
  });
  return row !== null;
}
