// The delivery log of a subscription: every send, failure, rejection and bounce is kept (Delivery.error
// holds only the latest), so an admin can see what happened to a morning email and when.
import { getDb } from "@/lib/db";

const MAX_DETAIL_LENGTH = 2_000;

export type DeliveryEventKind =
  | "sent"
  | "render_failed"
  | "smtp_error"
  | "rejected"
  | "bounce"
  | "slack_sent"
  | "slack_error"
  | "test_sent"
  | "resent_after_interruption";

export async function logDeliveryEvent(event: {
  subscriptionId: string;
  deliveryId?: string;
  kind: DeliveryEventKind;
  recipient?: string;
  detail?: string;
}): Promise<void> {
  const detail = event.detail ?? "";
  await getDb().deliveryEvent.create({
    data: {
      subscriptionId: event.subscriptionId,
      deliveryId: event.deliveryId ?? null,
      kind: event.kind,
      recipient: event.recipient ?? null,
      detail: detail.length > MAX_DETAIL_LENGTH ? `${detail.slice(0, MAX_DETAIL_LENGTH - 1)}…` : detail,
    },
  });
}
