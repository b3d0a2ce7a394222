import { getDb } from "@/lib/db";
import { findRecipientUsers } from "./recipient-users";
import { toSubscriptionView, type SubscriptionView } from "./subscription-view";

/** The dashboard's subscriptions, oldest first, each with its latest delivery and its users. */
export async function listSubscriptions(dashboardId: string): Promise<SubscriptionView[]> {
  const rows = await getDb().subscription.findMany({
    where: { dashboardId },
    orderBy: { createdAt: "asc" },
    include: { deliveries: { orderBy: { createdAt: "desc" }, take: 1 }, optOuts: { select: { email: true } } },
  });
  const users = await findRecipientUsers([...new Set(rows.flatMap((r) => r.recipientUserIds))]);
  return rows.map((s) => toSubscriptionView(s, s.deliveries[0] ?? null, { users, optedOut: s.optOuts.map((o) => o.email) }));
}

/** One subscription as the API shows it. */
export async function getSubscriptionView(id: string): Promise<SubscriptionView> {
  const s = await getDb().subscription.findUniqueOrThrow({
    where: { id },
    include: { deliveries: { orderBy: { createdAt: "desc" }, take: 1 }, optOuts: { select: { email: true } } },
  });
  const users = await findRecipientUsers(s.recipientUserIds);
  return toSubscriptionView(s, s.deliveries[0] ?? null, { users, optedOut: s.optOuts.map((o) => o.email) });
}
