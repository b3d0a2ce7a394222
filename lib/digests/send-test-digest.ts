// "Send a test to me": the digest as it would go out now, emailed only to the signed-in user. It is not a
// scheduled Delivery (the next scheduled run is unaffected) and is logged as "test_sent" (or "rejected").
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { RenderError } from "@/lib/render/render-page";
import { formatSnapshotTime, renderSubject } from "@/lib/schedules/schemas";
import { logDeliveryEvent } from "./log-delivery-event";
import { prepareDigest } from "./prepare-digest";
import { sendToRecipient, testMessageId } from "./send-digest-messages";

export interface TestDigestResult {
  email: string;
  messageId: string;
  channel: "smtp" | "outbox";
  renderMs: number;
}

export async function sendTestDigest(subscriptionId: string, user: SessionUser): Promise<TestDigestResult> {
  const subscription = await getDb().subscription.findUnique({ where: { id: subscriptionId }, include: { dashboard: { select: { title: true } } } });
  if (!subscription) throw notFound("Subscription");
  let content;
  try {
    content = await prepareDigest(subscription);
  } catch (e) {
    // The editor clicked and waits: say why nothing was sent (a 500 "something went wrong" said nothing),
    // and log it where scheduled render failures are logged.
    if (!(e instanceof RenderError)) throw e;
    await logDeliveryEvent({ subscriptionId, kind: "render_failed", recipient: user.email.toLowerCase(), detail: `Test: ${e.message}` });
    throw new AppError("CONFLICT", `The test digest could not be rendered: ${e.message}`);
  }
  const now = new Date();
  const email = user.email.toLowerCase();
  const messageId = testMessageId(subscription.id, now.getTime());
  const subject = `[Test] ${renderSubject(subscription.subjectTemplate, { dashboard: subscription.dashboard.title, date: now, timeZone: subscription.timezone })}`;
  let outcome;
  try {
    outcome = await sendToRecipient({ email, subscriptionId, messageId, subject, content, subtitle: `Test sent ${formatSnapshotTime(now, subscription.timezone)}` });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    await logDeliveryEvent({ subscriptionId, kind: "smtp_error", recipient: email, detail: `Test: ${detail}` });
    throw new AppError("UNAVAILABLE", `The test email could not be sent: ${detail}`);
  }
  if (outcome.kind === "rejected") {
    await logDeliveryEvent({ subscriptionId, kind: "rejected", recipient: email, detail: `Test: ${outcome.reply}` });
    throw new AppError("CONFLICT", `The mail server refused ${email}: ${outcome.reply}`);
  }
  await logDeliveryEvent({ subscriptionId, kind: "test_sent", recipient: email, detail: messageId });
  return { email, messageId, channel: outcome.sent.channel, renderMs: content.renderMs };
}
