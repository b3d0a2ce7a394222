// Bounce reports from the mail provider (or a script reading the bounce mailbox): POST
// /api/digests/bounces with `Authorization: Bearer <secret>` and {messageId, recipient, reason}. The
// Message-ID names the delivery (or the test) it belongs to, so the bounce is logged against the right
// subscription. The secret is derived from AUTH_SECRET and shown to admins in the digests panel.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { logDeliveryEvent } from "./log-delivery-event";
import { parseDigestMessageId } from "./send-digest-messages";

export const bounceReportSchema = z.object({
  messageId: z.string().trim().min(3).max(300),
  recipient: z.string().trim().toLowerCase().pipe(z.email({ message: "recipient is not an email address" })),
  reason: z.string().trim().max(2_000).default(""),
});

export function bounceWebhookSecret(): string {
  return createHmac("sha256", getRuntimeEnv().AUTH_SECRET).update("spyglass bounce webhook v1").digest("base64url");
}

/** Whether the request carries the bounce secret (constant-time comparison). */
export function isBounceRequestAuthorized(authorization: string | null): boolean {
  const given = Buffer.from((authorization ?? "").replace(/^Bearer\s+/i, ""));
  const expected = Buffer.from(bounceWebhookSecret());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Logs a "bounce" event against the subscription the message belongs to; NOT_FOUND for ids we did not send. */
export async function recordBounce(report: unknown): Promise<{ subscriptionId: string }> {
  const { messageId, recipient, reason } = bounceReportSchema.parse(report);
  const ref = parseDigestMessageId(messageId);
  if (!ref) throw notFound("Digest message");
  const db = getDb();
  let subscriptionId: string | undefined;
  let deliveryId: string | undefined;
  if ("deliveryId" in ref) {
    const d = await db.delivery.findUnique({ where: { id: ref.deliveryId }, select: { id: true, subscriptionId: true } });
    subscriptionId = d?.subscriptionId;
    deliveryId = d?.id;
  } else {
    subscriptionId = (await db.subscription.findUnique({ where: { id: ref.subscriptionId }, select: { id: true } }))?.id;
  }
  if (!subscriptionId) throw notFound("Digest message");
  await logDeliveryEvent({ subscriptionId, deliveryId, kind: "bounce", recipient, detail: reason || `Bounced: ${messageId}` });
  return { subscriptionId };
}
