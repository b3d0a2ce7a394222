import { getDb } from "@/lib/db";
import { toSubscriptionView, type SubscriptionView } from "./subscription-view";

/** The dashboard's subscriptions, oldest first, each with its latest delivery. */
export async function listSubscriptions(dashboardId: string): Promise<SubscriptionView[]> {
  const rows = await getDb().subscription.findMany({
    where: { dashboardId },
    orderBy: { createdAt: "asc" },
    include: { deliveries: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
  return rows.map((s) => toSubscriptionView(s, s.deliveries[0] ?? null));
}
