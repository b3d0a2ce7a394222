// Sends one digest: a snapshot of the subscription's dashboard, emailed to its recipients. Idempotent per
// (subscription, scheduled time) through the Delivery row (DESIGN.md, decision 6): a run for a time that
// was already sent sends nothing, whatever retries or duplicate jobs happen, and a lease on the row keeps
// two runs from rendering or sending it at once. A run killed mid-render or mid-send leaves its lease to
// lapse; the job's retry (on any worker) then takes the delivery over and sends it.
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { outboxDir } from "@/lib/mail/transport";
import { formatSnapshotTime, renderSubject } from "@/lib/schedules/schemas";
import { logDeliveryEvent } from "./log-delivery-event";
import { takeDeliveryLease } from "./delivery-lease";
import { digestDashboardLink, prepareDigest, type DigestContent } from "./prepare-digest";
import { findDigestImageUrl, storeDigestImage } from "./digest-image";
import { postToSlack, slackMessage, SlackPostError } from "./post-to-slack";
import { resolveRecipientEmails } from "./recipient-users";
import { digestRecipientMessageId, sendToRecipient } from "./send-digest-messages";
import { decryptSlackWebhook } from "./slack-webhook-secret";

export type DigestTrigger = "schedule" | "manual";

export type DigestOutcome =
  | {
      status: "sent";
      deliveryId: string;
      /** The delivery's Message-ID stem; each recipient's copy has its own (digestRecipientMessageId). */
      messageId: string;
      channel: "smtp" | "outbox" | "none";
      renderMs: number;
      /** Recipients emailed by this run, and those the SMTP server refused. */
      sentTo: string[];
      rejected: string[];
      slack: "posted" | "already posted" | "none";
    }
  | { status: "skipped"; deliveryId?: string; reason: string };

const MAX_ERROR_LENGTH = 2_000;

function errorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

/** The Delivery for (subscription, scheduled time): created on the first run, found on every later one. */
async function getOrCreateDelivery(subscriptionId: string, scheduledFor: Date, trigger: DigestTrigger) {
  const db = getDb();
  try {
    return await db.delivery.create({ data: { subscriptionId, scheduledFor, trigger, status: "pending" } });
  } catch (e) {
    // Unique violation: an earlier run (or a concurrent one) already created it.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const existing = await db.delivery.findUnique({
        where: { subscriptionId_scheduledFor: { subscriptionId, scheduledFor } },
      });
      if (existing) return existing;
    }
    throw e;
  }
}

/** Deterministic, so a resend after a crash carries the same Message-ID and mail clients can dedupe. */
export function digestMessageId(deliveryId: string): string {
  let host = "spyglass.local";
  try {
    host = new URL(getRuntimeEnv().APP_URL).hostname || host;
  } catch {
    // keep the default
  }
  return `<digest.${deliveryId}@${host}>`;
}


/** Which recipients this delivery already reached (or had refused): a retry does not email them again. */
async function recipientsDone(deliveryId: string): Promise<Set<string>> {
  const events = await getDb().deliveryEvent.findMany({
    where: { deliveryId, kind: { in: ["sent", "rejected"] }, recipient: { not: null } },
    select: { recipient: true },
  });
  return new Set(events.map((e) => e.recipient!.toLowerCase()));
}

async function slackAlreadyPosted(deliveryId: string): Promise<boolean> {
  return (await getDb().deliveryEvent.count({ where: { deliveryId, kind: "slack_sent" } })) > 0;
}

export async function runDigest(input: {
  subscriptionId: string;
  scheduledFor: Date;
  trigger: DigestTrigger;
}): Promise<DigestOutcome> {
  const db = getDb();
  const subscription = await db.subscription.findUnique({
    where: { id: input.subscriptionId },
    include: { dashboard: { select: { id: true, title: true, isPrivate: true, ownerId: true, filters: true } } },
  });
  if (!subscription) throw notFound("Subscription");
  if (input.trigger === "schedule" && !subscription.enabled) {
    return { status: "skipped", reason: "subscription is disabled" };
  }

  const created = await getOrCreateDelivery(subscription.id, input.scheduledFor, input.trigger);
  if (created.status === "sent") return { status: "skipped", deliveryId: created.id, reason: "already sent" };
  const lease = await takeDeliveryLease(created.id);
  if (!lease) {
    const now = await db.delivery.findUniqueOrThrow({ where: { id: created.id }, select: { status: true } });
    if (now.status === "sent") return { status: "skipped", deliveryId: created.id, reason: "already sent" };
    // Another run holds it (a duplicate job, or a run that crashed and whose lease has not lapsed yet):
    // fail this attempt, so BullMQ tries again later and then finds it sent, or free.
    throw new Error("Another run is delivering this digest right now; this attempt will be retried.");
  }
  const delivery = lease.delivery;
  const log = (e: Omit<Parameters<typeof logDeliveryEvent>[0], "subscriptionId" | "deliveryId">) =>
    logDeliveryEvent({ subscriptionId: subscription.id, deliveryId: delivery.id, ...e });

  if (lease.interruptedWhile === "sending") {
    // The previous run died while talking to the SMTP server: the recipient it was sending to may or may
    // not have got it. That copy goes again with the same Message-ID (mail servers and clients drop a
    // second copy of one id); recipients already logged as sent are not emailed again.
    await log({ kind: "resent_after_interruption", detail: "The previous attempt stopped while sending; recipients not yet logged as sent get the email now, with the same Message-ID." });
  }

  try {
    const { emails, skippedUsers, optedOut } = await resolveRecipientEmails(subscription);
    const done = await recipientsDone(delivery.id);
    const pending = emails.filter((e) => !done.has(e));
    const webhook = subscription.encryptedSlackWebhook;
    const messageId = digestMessageId(delivery.id);
    let content: DigestContent | undefined;
    let channel: "smtp" | "outbox" | "none" = "none";
    const sentTo: string[] = [];
    const rejected: string[] = [];
    const subject = renderSubject(subscription.subjectTemplate, {
      dashboard: subscription.dashboard.title,
      date: input.scheduledFor,
      timeZone: subscription.timezone,
    });

    // The Slack post shows this delivery's own image (its filter values), stored once per delivery: a
    // retry after a Slack failure posts the image the first attempt stored, without rendering again.
    const slackToPost = Boolean(webhook) && !(await slackAlreadyPosted(delivery.id));
    let slackImageUrl = slackToPost && subscription.includeImage ? await findDigestImageUrl(delivery.id) : null;
    const slackNeedsRender = slackToPost && subscription.includeImage && slackImageUrl === null;

    if (pending.length > 0 || slackNeedsRender) {
      // One render for every recipient of this scheduled time and the Slack post. Without email to send,
      // only the image is needed: no PDF render, no CSVs.
      content = await prepareDigest(pending.length > 0 ? subscription : { ...subscription, attachCsv: false, attachPdf: false });
      if (slackNeedsRender) {
        if (!content.png) throw new Error("The digest render produced no image for the Slack post.");
        slackImageUrl = await storeDigestImage(delivery.id, content.png);
      }
    }

    if (content && pending.length > 0) {
      await lease.enter("sending");
      const subtitle = `Snapshot of ${formatSnapshotTime(new Date(), subscription.timezone)}`;
      for (const email of pending) {
        const outcome = await sendToRecipient({
          email,
          subscriptionId: subscription.id,
          messageId: digestRecipientMessageId(delivery.id, email),
          subject,
          content,
          subtitle,
        });
        if (outcome.kind === "sent") {
          channel = outcome.sent.channel;
          sentTo.push(email);
          const where = outcome.sent.channel === "outbox" ? ` (no SMTP server configured: written to ${outcome.sent.path})` : "";
          await log({ kind: "sent", recipient: email, detail: `${outcome.messageId}${where}` });
        } else {
          rejected.push(email);
          await log({ kind: "rejected", recipient: email, detail: outcome.reply });
        }
      }
    }

    let slack: "posted" | "already posted" | "none" = "none";
    if (webhook) {
      if (!slackToPost) {
        slack = "already posted";
      } else {
        const dashboardUrl = content?.dashboardUrl ?? digestDashboardLink(subscription.dashboard, subscription.filterValues).dashboardUrl;
        try {
          await postToSlack(decryptSlackWebhook(webhook), slackMessage({ title: subscription.dashboard.title, subject, dashboardUrl, imageUrl: slackImageUrl }));
        } catch (e) {
          const message = e instanceof SlackPostError ? e.message : `Posting to Slack failed: ${errorText(e)}`;
          await log({ kind: "slack_error", detail: message });
          throw new SlackPostError(message);
        }
        await log({ kind: "slack_sent", detail: slackImageUrl ? "Posted the link and the image." : "Posted the link (the subscription does not include the image)." });
        slack = "posted";
      }
    }

    const notes = [
      channel === "outbox" ? `No SMTP server configured (SMTP_URL): the email was written to ${outboxDir()} instead of being sent.` : null,
      rejected.length ? `The SMTP server rejected: ${rejected.join(", ")}` : null,
      skippedUsers.length ? `Skipped (deactivated or no longer allowed to open the dashboard): ${skippedUsers.join(", ")}` : null,
      optedOut.length ? `Unsubscribed: ${optedOut.join(", ")}` : null,
    ].filter(Boolean);
    const reachedAnyone = sentTo.length > 0 || done.size > 0 || slack !== "none";
    if (!reachedAnyone) {
      const why = emails.length === 0 && !webhook ? "Nobody to send to: every recipient unsubscribed or was skipped." : "Every recipient was rejected.";
      await lease.finish({ status: "failed", error: [why, ...notes].join(" ") });
      return { status: "skipped", deliveryId: delivery.id, reason: why };
    }
    await lease.finish({
      status: "sent",
      sentAt: new Date(),
      messageId,
      ...(content ? { renderMs: content.renderMs } : {}),
      error: notes.length ? notes.join(" ") : null,
    });
    return { status: "sent", deliveryId: delivery.id, messageId, channel, renderMs: content?.renderMs ?? 0, sentTo, rejected, slack };
  } catch (e) {
    const stage = lease.stage;
    await lease.finish({ status: "failed", error: errorText(e) }).catch(() => {}); // the DB may be what failed; the worker logs the job's failure
    if (!(e instanceof SlackPostError)) {
      await log({ kind: stage === "rendering" ? "render_failed" : "smtp_error", detail: errorText(e) }).catch(() => {});
    }
    throw e; // so BullMQ retries with backoff
  }
}
