// Sends a prepared digest to each recipient as its own message (each carries that recipient's unsubscribe
// link), and sorts what the SMTP server says: a permanent (5xx) refusal of one recipient is that
// recipient's "rejected" outcome, logged with the server's reply; anything else (the server is down, a
// 4xx "try later") is thrown so the job retries.
import { createHash } from "node:crypto";
import { getRuntimeEnv } from "@/lib/env";
import { sendDigestEmail } from "@/lib/mail/send-digest-email";
import type { SentMail } from "@/lib/mail/transport";
import type { DigestContent } from "./prepare-digest";
import { unsubscribeApiUrl, unsubscribePageUrl } from "./unsubscribe-token";

function mailHost(): string {
  try {
    return new URL(getRuntimeEnv().APP_URL).hostname || "spyglass.local";
  } catch {
    return "spyglass.local";
  }
}

/** A short stable tag of an address, so a recipient's Message-ID is the same on every attempt. */
function recipientTag(email: string): string {
  return createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 12);
}

/** The Message-ID of one recipient's copy of a scheduled digest: "<digest.<deliveryId>.<tag>@host>". */
export function digestRecipientMessageId(deliveryId: string, email: string): string {
  return `<digest.${deliveryId}.${recipientTag(email)}@${mailHost()}>`;
}

/** The Message-ID of a "send a test to me" message: "<digest-test.<subscriptionId>.<n>@host>". */
export function testMessageId(subscriptionId: string, now = Date.now()): string {
  return `<digest-test.${subscriptionId}.${now.toString(36)}@${mailHost()}>`;
}

/** Which delivery or subscription a Message-ID we sent belongs to (for bounce reports), or null. */
export function parseDigestMessageId(messageId: string): { deliveryId: string } | { subscriptionId: string } | null {
  const m = /^<?digest(-test)?\.([A-Za-z0-9_-]{1,64})(?:\.[A-Za-z0-9]+)?@[^>]+>?$/.exec(messageId.trim());
  if (!m) return null;
  return m[1] ? { subscriptionId: m[2] } : { deliveryId: m[2] };
}

export type RecipientOutcome =
  | { kind: "sent"; email: string; messageId: string; sent: SentMail }
  | { kind: "rejected"; email: string; messageId: string; reply: string };

/** An SMTP error object from nodemailer carries the server's reply and its code. */
function smtpReply(e: unknown): { code?: number; reply: string } {
  const err = e as { responseCode?: number; response?: string; message?: string };
  return { code: typeof err?.responseCode === "number" ? err.responseCode : undefined, reply: String(err?.response ?? err?.message ?? e) };
}

/** Sends one recipient's copy. Throws on transient failures; returns "rejected" on a permanent refusal. */
export async function sendToRecipient(input: {
  email: string;
  subscriptionId: string;
  messageId: string;
  subject: string;
  content: DigestContent;
  subtitle: string;
}): Promise<RecipientOutcome> {
  const env = getRuntimeEnv();
  const target = { subscriptionId: input.subscriptionId, email: input.email };
  try {
    const sent = await sendDigestEmail({
      to: [input.email],
      subject: input.subject,
      dashboardTitle: input.content.dashboardTitle,
      dashboardUrl: input.content.dashboardUrl,
      png: input.content.png,
      imageWidth: input.content.imageWidth,
      messageId: input.messageId,
      subtitle: input.subtitle,
      definitions: input.content.definitions,
      files: input.content.files,
      unsubscribe: {
        pageUrl: unsubscribePageUrl(env.APP_URL, target, env.AUTH_SECRET),
        oneClickUrl: unsubscribeApiUrl(env.APP_URL, target, env.AUTH_SECRET),
      },
    });
    if (sent.channel === "smtp" && sent.accepted.length === 0) {
      return { kind: "rejected", email: input.email, messageId: input.messageId, reply: sent.response || `The SMTP server refused ${input.email}.` };
    }
    return { kind: "sent", email: input.email, messageId: input.messageId, sent };
  } catch (e) {
    const { code, reply } = smtpReply(e);
    if (code !== undefined && code >= 500 && code < 600) return { kind: "rejected", email: input.email, messageId: input.messageId, reply };
    throw e;
  }
}
