// The invitation email: plain text and HTML, every user-supplied text escaped.
import { escapeHtml, safeHref } from "@/lib/mail/html";
import { sendMail, type SentMail } from "@/lib/mail/transport";
import type { Role } from "@/lib/generated/prisma/enums";

export interface InviteEmailInput {
  to: string;
  inviterName: string;
  role: Role;
  url: string;
  expiresAt: Date;
}

const roleWords: Record<Role, string> = {
  ADMIN: "an admin (manages people, data sources and settings)",
  EDITOR: "an editor (writes SQL, builds charts and dashboards)",
  VIEWER: "a viewer (opens dashboards and charts)",
};

export function buildInviteEmail(input: InviteEmailInput) {
  const expires = input.expiresAt.toISOString().slice(0, 10);
  // Names are one line in a header, whatever was typed.
  const subject = `${input.inviterName.replace(/\s+/g, " ")} invited you to Spyglass`;
  const text = [
    `${input.inviterName} invited you to Spyglass as ${roleWords[input.role]}.`,
    "",
    `Accept the invitation and choose your password: ${input.url}`,
    "",
    `The link works once and expires on ${expires} (UTC). If you did not expect this email, ignore it.`,
  ].join("\n");
  const href = safeHref(input.url);
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;background:#f6f7f9;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1d2430">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #dde2e8;border-radius:8px;padding:24px">
<h1 style="font-size:20px;margin:0 0 12px">You are invited to Spyglass</h1>
<p style="margin:0 0 16px">${escapeHtml(input.inviterName)} invited you to Spyglass as ${escapeHtml(roleWords[input.role])}.</p>
<p style="margin:0 0 16px"><a href="${href}" style="display:inline-block;background:#2f6fde;color:#fff;padding:8px 14px;border-radius:8px;text-decoration:none">Accept the invitation</a></p>
<p style="margin:0 0 8px;color:#5f6b7a;font-size:12px">Or open this link: <a href="${href}" style="color:#2f6fde">${escapeHtml(input.url)}</a></p>
<p style="margin:0;color:#5f6b7a;font-size:12px">The link works once and expires on ${expires} (UTC). If you did not expect this email, ignore it.</p>
</div>
</body></html>`;
  return { subject, text, html };
}

export async function sendInviteEmail(input: InviteEmailInput): Promise<SentMail> {
  const { subject, text, html } = buildInviteEmail(input);
  return sendMail({ to: input.to, subject, text, html });
}
