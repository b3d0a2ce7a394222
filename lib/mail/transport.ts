// Sends mail through SMTP_URL, or, when no SMTP server is configured, writes the message as an .eml file
// under SPYGLASS_DATA_DIR/outbox and says so: a digest is never dropped silently.
// The transport is created for each message and read from the current settings, so changing SMTP_URL
// (or a test pointing it at its own server) takes effect at once.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { getSettings } from "@/lib/env";

export type SentMail =
  | { channel: "smtp"; messageId: string; accepted: string[]; rejected: string[]; response: string }
  | { channel: "outbox"; messageId: string; path: string };

function addresses(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((a) => (typeof a === "string" ? a : (a as { address?: string }).address ?? String(a)));
}

export function outboxDir(): string {
  return path.resolve(getSettings().SPYGLASS_DATA_DIR, "outbox");
}

export async function sendMail(message: Mail.Options): Promise<SentMail> {
  const settings = getSettings();
  const withFrom: Mail.Options = { from: settings.MAIL_FROM, ...message };
  if (settings.SMTP_URL) {
    const transport = nodemailer.createTransport(settings.SMTP_URL);
    try {
      const info = await transport.sendMail(withFrom);
      return {
        channel: "smtp",
        messageId: info.messageId,
        accepted: addresses(info.accepted),
        rejected: addresses(info.rejected),
        response: String(info.response ?? ""),
      };
    } finally {
      transport.close();
    }
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail(withFrom);
  const dir = outboxDir();
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const safeId = info.messageId.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 120);
  const file = path.join(dir, `${stamp}-${safeId}.eml`);
  await writeFile(file, info.message as Buffer);
  console.warn(`[mail] SMTP_URL is not set: wrote "${String(message.subject ?? "")}" to ${file} instead of sending it.`);
  return { channel: "outbox", messageId: info.messageId, path: file };
}
