import { getDb } from "@/lib/db";

export interface DeliveryEventView {
  id: string;
  kind: string;
  recipient: string | null;
  detail: string;
  deliveryId: string | null;
  createdAt: string;
}

/** The subscription's delivery log (sends, rejections, bounces, Slack, tests), newest first. */
export async function listDeliveryEvents(subscriptionId: string, limit = 50): Promise<DeliveryEventView[]> {
  const rows = await getDb().deliveryEvent.findMany({
    where: { subscriptionId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, limit), 200),
  });
  return rows.map((e) => ({ id: e.id, kind: e.kind, recipient: e.recipient, detail: e.detail, deliveryId: e.deliveryId, createdAt: e.createdAt.toISOString() }));
}
