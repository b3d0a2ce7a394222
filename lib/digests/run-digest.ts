// Sends one digest: a snapshot of the subscription's dashboard, emailed to its recipients. Idempotent per
// (subscription, scheduled time) through the Delivery row (DESIGN.md, decision 6): a run for a time that
// was already sent sends nothing, whatever retries or duplicate jobs happen, and a lease on the row keeps
// two runs from rendering or sending it at once. A run killed mid-render or mid-send leaves its lease to
// lapse; the job's retry (on any worker) then takes the delivery over and sends it.
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { sendDigestEmail } from "@/lib/mail/send-digest-email";
import { renderDashboardPng } from "@/lib/render/render-dashboard";
import { logDeliveryEvent } from "./log-delivery-event";
import { takeDeliveryLease } from "./delivery-lease";

export type DigestTrigger = "schedule" | "manual";

export type DigestOutcome =
  | { status: "sent"; deliveryId: string; messageId: string; channel: "smtp" | "outbox"; renderMs: number }
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

function formatWhen(date: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

export async function runDigest(input: {
  subscriptionId: string;
  scheduledFor: Date;
  trigger: DigestTrigger;
}): Promise<DigestOutcome> {
  const db = getDb();
  const subscription = await db.subscription.findUnique({
    where: { id: input.subscriptionId },
    include: {
      dashboard: {
        select: {
          id: true,
          title: true,
          tiles: {
            where: { chartId: { not: null } },
            orderBy: [{ y: "asc" }, { x: "asc" }, { position: "asc" }],
            select: { chart: { select: { id: true, title: true, description: true } } },
          },
        },
      },
    },
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
  if (lease.interruptedWhile === "sending") {
    // The previous run died while talking to the SMTP server: the message may or may not have been taken.
    // It goes again with the same Message-ID (mail servers and clients drop a second copy of one id).
    await logDeliveryEvent({
      subscriptionId: subscription.id,
      deliveryId: delivery.id,
      kind: "resent_after_interruption",
      detail: "The previous attempt stopped while sending; sending again with the same Message-ID.",
    });
  }

  try {
    const dashboard = subscription.dashboard;
    const env = getRuntimeEnv();
    const dashboardUrl = `${env.APP_URL.replace(/\/+$/, "")}/dashboards/${encodeURIComponent(dashboard.id)}`;
    const snapshot = await renderDashboardPng(dashboard.id);
    await lease.enter("sending");
    const messageId = digestMessageId(delivery.id);
    const charts = [...new Map(dashboard.tiles.flatMap((t) => (t.chart ? [[t.chart.id, t.chart] as const] : []))).values()];
    const sent = await sendDigestEmail({
      to: subscription.recipients,
      subject: `${dashboard.title} — ${formatWhen(input.scheduledFor, subscription.timezone)}`,
      dashboardTitle: dashboard.title,
      dashboardUrl,
      png: snapshot.png,
      imageWidth: Math.round(snapshot.width / 2),
      messageId,
      subtitle: `Snapshot of ${new Date().toUTCString()}`,
      definitions: charts.map((c) => ({ title: c.title, description: c.description })),
    });
    if (sent.channel === "smtp" && sent.accepted.length === 0) {
      throw new Error(`The SMTP server accepted no recipient (rejected: ${sent.rejected.join(", ") || "all"}).`);
    }
    // Sent. Anything worth knowing about how it went is kept with it, so the UI can show it.
    const note =
      sent.channel === "outbox"
        ? `No SMTP server configured (SMTP_URL): the email was written to ${sent.path} instead of being sent.`
        : sent.rejected.length
          ? `The SMTP server rejected: ${sent.rejected.join(", ")}`
          : null;
    await lease.finish({ status: "sent", sentAt: new Date(), messageId, renderMs: snapshot.ms, error: note });
    await logDeliveryEvent({ subscriptionId: subscription.id, deliveryId: delivery.id, kind: "sent", detail: note ?? `Sent to ${subscription.recipients.length} recipient(s).` });
    return { status: "sent", deliveryId: delivery.id, messageId, channel: sent.channel, renderMs: snapshot.ms };
  } catch (e) {
    const stage = lease.stage;
    await lease.finish({ status: "failed", error: errorText(e) }).catch(() => {}); // the DB may be what failed; the worker logs the job's failure
    await logDeliveryEvent({
      subscriptionId: subscription.id,
      deliveryId: delivery.id,
      kind: stage === "rendering" ? "render_failed" : "smtp_error",
      detail: errorText(e),
    }).catch(() => {});
    throw e; // so BullMQ retries with backoff
  }
}
