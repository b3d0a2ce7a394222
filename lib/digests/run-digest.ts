// Sends one digest: a snapshot of the subscription's dashboard, emailed to its recipients. Idempotent per
// (subscription, scheduled time) through the Delivery row (DESIGN.md, decision 6): a run for a time that
// was already sent sends nothing, whatever retries or duplicate jobs happen.
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { sendDigestEmail } from "@/lib/mail/send-digest-email";
import { renderDashboardPng } from "@/lib/render/render-dashboard";

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

  const delivery = await getOrCreateDelivery(subscription.id, input.scheduledFor, input.trigger);
  if (delivery.status === "sent") return { status: "skipped", deliveryId: delivery.id, reason: "already sent" };
  await db.delivery.update({
    where: { id: delivery.id },
    data: { attempts: { increment: 1 }, status: "pending", error: null },
  });

  try {
    const dashboard = subscription.dashboard;
    const env = getRuntimeEnv();
    const dashboardUrl = `${env.APP_URL.replace(/\/+$/, "")}/dashboards/${encodeURIComponent(dashboard.id)}`;
    const snapshot = await renderDashboardPng(dashboard.id);
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
    await db.delivery.update({
      where: { id: delivery.id },
      data: { status: "sent", sentAt: new Date(), messageId, renderMs: snapshot.ms, error: note },
    });
    return { status: "sent", deliveryId: delivery.id, messageId, channel: sent.channel, renderMs: snapshot.ms };
  } catch (e) {
    await db.delivery
      .update({ where: { id: delivery.id }, data: { status: "failed", error: errorText(e) } })
      .catch(() => {}); // the DB may be what failed; the job's failure is logged by the worker
    throw e; // so BullMQ retries with backoff
  }
}
