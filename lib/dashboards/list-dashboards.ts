import { canViewDashboard } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { containsWord, plainText, queryWords } from "@/lib/search/snippet";

export interface DashboardListFilter {
  /** A normalized tag (lib/search/tags.ts): only dashboards carrying it. */
  tag?: string;
  /** Words that must each occur in the title, description or tags. */
  q?: string;
}

/**
 * Dashboards this user may see: every shared one, plus their own private ones (admins see all). The user's
 * favourites come first, then the rest, each by title.
 */
export async function listDashboards(user: SessionUser, filter: DashboardListFilter = {}) {
  const rows = await getDb().dashboard.findMany({
    where: {
      ...(user.role === "ADMIN" ? {} : { OR: [{ isPrivate: false }, { ownerId: user.id }] }),
      ...(filter.tag ? { tags: { has: filter.tag } } : {}),
    },
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      description: true,
      isPrivate: true,
      ownerId: true,
      tags: true,
      updatedAt: true,
      refreshIntervalMinutes: true,
      refreshCron: true,
      refreshTimezone: true,
      owner: { select: { name: true } },
      favourites: { where: { userId: user.id }, select: { id: true } },
      _count: { select: { tiles: true } },
    },
  });
  const words = queryWords(filter.q ?? "");
  return rows
    .filter((d) => canViewDashboard(user, d))
    .filter((d) => words.every((w) => [d.title, plainText(d.description, "markdown"), d.tags.join(" ")].some((t) => containsWord(t, w))))
    .map(({ favourites, ...d }) => ({ ...d, isFavourite: favourites.length > 0 }))
    .sort((a, b) => Number(b.isFavourite) - Number(a.isFavourite));
}

export type DashboardListItem = Awaited<ReturnType<typeof listDashboards>>[number];

/** The tags in use on the dashboards this user may see, most used first: the list page's filter chips. */
export async function listDashboardTags(user: SessionUser): Promise<{ tag: string; count: number }[]> {
  const rows = await getDb().dashboard.findMany({
    where: user.role === "ADMIN" ? {} : { OR: [{ isPrivate: false }, { ownerId: user.id }] },
    select: { tags: true, isPrivate: true, ownerId: true },
  });
  const counts = new Map<string, number>();
  for (const d of rows) {
    if (!canViewDashboard(user, d)) continue;
    for (const t of new Set(d.tags)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
