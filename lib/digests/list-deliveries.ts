import { getDb } from "@/lib/db";
import { toDeliveryView, type DeliveryView } from "./subscription-view";

/** The most recent deliveries of a subscription, newest first. */
export async function listDeliveries(subscriptionId: string, limit = 20): Promise<DeliveryView[]> {
  const rows = await getDb().delivery.findMany({
    where: { subscriptionId },
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(1, limit), 100),
  });
  return rows.map(toDeliveryView);
}
