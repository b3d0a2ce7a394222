import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

/** Dashboards this user may see: every shared one, plus their own private ones (admins see all). */
export function listDashboards(user: SessionUser) {
  return getDb().dashboard.findMany({
    where: user.role === "ADMIN" ? {} : { OR: [{ isPrivate: false }, { ownerId: user.id }] },
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      description: true,
      isPrivate: true,
      updatedAt: true,
      refreshIntervalMinutes: true,
      owner: { select: { name: true } },
      _count: { select: { tiles: true } },
    },
  });
}
