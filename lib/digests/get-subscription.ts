import { canViewDashboard } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** The subscription, or NOT_FOUND also when its dashboard is private to someone else (no existence leak). */
export async function getSubscriptionOrThrow(id: string, user: SessionUser) {
  const subscription = await getDb().subscription.findUnique({
    where: { id },
    include: { dashboard: { select: { id: true, isPrivate: true, ownerId: true } } },
  });
  if (!subscription || !canViewDashboard(user, subscription.dashboard)) throw notFound("Subscription");
  return subscription;
}
