// The digest email: the dashboard snapshot inline (a cid: image part), a link back to the live dashboard,
// optionally the definitions of its metrics (Markdown, rendered), and a plain-text alternative. Every
// user-supplied text is escaped in the HTML.
import { escapeHtml, safeHref } from "./html";
import { markdownToEmailHtml, markdownToPlainText } from "./markdown-html";
import { sendMail, type SentMail } from "./transport";

export interface DigestEmailInput {
  to: string[];
  subject: string;
  dashboardTitle: string;
  dashboardUrl: string;
  /** The dashboard image, shown inline; left out when the subscription does not include it. */
  png?: Buffer;
  /** Full Message-ID including angle brackets, e.g. "<digest.abc@spyglass.example.com>". */
  messageId: string;
  /** Width of the snapshot in CSS pixels (the PNG is usually twice as wide). */
  imageWidth?: number;
  /** The metrics on the dashboard and how they are defined. */
  definitions?: { title: string; description: string }[];
  /** A line under the title, e.g. when the snapshot was taken. */
  subtitle?: string;
  /** The recipient's signed unsubscribe page and its one-click (RFC 8058) endpoint. */
  unsubscribe?: { pageUrl: string; oneClickUrl: string };
  /** Files attached besides the inline image: a CSV per chart, the PDF. */
  files?: { filename: string; content: Buffer | string; contentType: string }[];
}

/** The footer: why this email came, and the recipient's own unsubscribe link. */
function digestFooter(input: DigestEmailInput): { html: string; text: string[] } {
  const why = "Sent by Spyglass because you are subscribed to this dashboard.";
  if (!input.unsubscribe) {
    return { html: `<p style="margin:24px 0 0;color:#5f6b7a;font-size:12px">${why}</p>`, text: [why] };
  }
  const href = safeHref(input.unsubscribe.pageUrl);
  return {
    html: `<p style="margin:24px 0 0;color:#5f6b7a;font-size:12px">${why} <a href="${href}" style="color:#5f6b7a">Unsubscribe</a></p>`,
    text: [why, `Unsubscribe: ${input.unsubscribe.pageUrl}`],
  };
}

/** The inline image, when there is one. */
function snapshotHtml(input: DigestEmailInput, title: string, href: string, width: number): string {
  if (!input.png) return "";
  return `<a href="${href}"><img src="cid:${SNAPSHOT_CID}" alt="${title}" width="${width}" style="display:block;width:100%;max-width:${width}px;height:auto;border:1px solid #dde2e8;border-radius:8px"></a>`;
}

/** Attachments and headers of one message: the inline image, the files, List-Unsubscribe. */
function digestMessageExtras(input: DigestEmailInput) {
  const attachments = [
    ...(input.png
      ? [{ filename: "dashboard.png", content: input.png, contentType: "image/png", cid: SNAPSHOT_CID, contentDisposition: "inline" as const }]
      : []),
    ...(input.files ?? []).map((f) => ({ filename: f.filename, content: f.content, contentType: f.contentType })),
  ];
  const headers: Record<string, string> = input.unsubscribe
    ? { "List-Unsubscribe": `<${input.unsubscribe.oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
    : {};
  return { attachments, headers };
}

export const SNAPSHOT_CID = "dashboard-snapshot@spyglass";

export function buildDigestEmail(input: DigestEmailInput) {
  const width = input.imageWidth ?? 1280;
  const title = escapeHtml(input.dashboardTitle);
  const href = safeHref(input.dashboardUrl);
  const definitions = (input.definitions ?? []).filter((d) => d.description.trim() !== "");
  const definitionsHtml = definitions.length
    ? `<h2 style="font-size:15px;margin:24px 0 8px">Definitions</h2>
<dl style="margin:0">${definitions
        .map(
          (d) =>
            `<dt style="font-weight:600;margin-top:8px">${escapeHtml(d.title)}</dt><dd style="margin:2px 0 0 0;color:#5f6b7a">${markdownToEmailHtml(d.description, input.dashboardUrl)}</dd>`,
        )
        .join("")}</dl>`
    : "";
  const footer = digestFooter(input);
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head>
<body style="margin:0;padding:16px;background:#f6f7f9;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1d2430">
<div style="max-width:${width}px;margin:0 auto">
<h1 style="font-size:20px;margin:0 0 4px"><a href="${href}" style="color:#1d2430;text-decoration:none">${title}</a></h1>
${input.subtitle ? `<p style="margin:0 0 12px;color:#5f6b7a">${escapeHtml(input.subtitle)}</p>` : ""}
<p style="margin:0 0 12px"><a href="${href}" style="color:#2f6fde">Open the live dashboard in Spyglass</a></p>
${snapshotHtml(input, title, href, width)}
${definitionsHtml}
${footer.html}
</div>
</body></html>`;
  const text = [
    input.dashboardTitle,
    input.subtitle ?? "",
    "",
    `Open the live dashboard: ${input.dashboardUrl}`,
    "",
    input.png ? "The snapshot of the dashboard is in the HTML version of this email." : "",
    ...(definitions.length ? ["", "Definitions", ...definitions.map((d) => `- ${d.title}: ${markdownToPlainText(d.description, input.dashboardUrl).replace(/\n/g, "\n  ")}`)] : []),
    "",
    ...footer.text,
  ].join("\n");
  return { html, text };
}

/** Sends one message (to one recipient, so its unsubscribe link is theirs). Returns where it went (SMTP or the outbox folder). */
export async function sendDigestEmail(input: DigestEmailInput): Promise<SentMail> {
  if (input.to.length === 0) throw new Error("A digest needs at least one recipient.");
  const { html, text } = buildDigestEmail(input);
  return sendMail({
    to: input.to,
    subject: input.subject,
    messageId: input.messageId,
    html,
    text,
    ...digestMessageExtras(input),
  });
}
