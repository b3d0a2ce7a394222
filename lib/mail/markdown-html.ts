// Metric definitions (Markdown, parsed by lib/markdown into a tree) as HTML for emails, and as plain text
// for the text alternative. Email clients need inline styles and absolute links; every piece of text is
// escaped, and links keep only http(s) and mailto targets (relative ones resolve against the app's address).
import { parseMarkdown, type Inline } from "@/lib/markdown/parse-markdown";
import { escapeHtml } from "./html";

const STYLE = {
  p: "margin:0 0 6px",
  heading: "margin:8px 0 4px;font-size:14px;font-weight:600;color:#1d2430",
  list: "margin:0 0 6px;padding-left:20px",
  code: "font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;background:#eef1f5;padding:0 3px;border-radius:3px",
  link: "color:#2f6fde",
} as const;

/** An absolute http(s) or mailto URL for a link in an email, or null (the link text is kept, unlinked). */
export function emailHref(href: string, baseUrl?: string): string | null {
  try {
    const url = baseUrl ? new URL(href, baseUrl) : new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:" ? url.toString() : null;
  } catch {
    return null;
  }
}

function inlineHtml(nodes: Inline[], baseUrl: string | undefined): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case "text":
          return escapeHtml(n.text);
        case "strong":
          return `<strong>${inlineHtml(n.children, baseUrl)}</strong>`;
        case "em":
          return `<em>${inlineHtml(n.children, baseUrl)}</em>`;
        case "code":
          return `<code style="${STYLE.code}">${escapeHtml(n.text)}</code>`;
        case "link": {
          const href = emailHref(n.href, baseUrl);
          const text = inlineHtml(n.children, baseUrl);
          return href ? `<a href="${escapeHtml(href)}" style="${STYLE.link}">${text}</a>` : text;
        }
      }
    })
    .join("");
}

/** Markdown as email HTML: paragraphs, headings (kept small), lists, bold, italic, code and safe links. */
export function markdownToEmailHtml(source: string, baseUrl?: string): string {
  return parseMarkdown(source)
    .map((b) => {
      if (b.type === "heading") return `<p style="${STYLE.heading}">${inlineHtml(b.children, baseUrl)}</p>`;
      if (b.type === "list") {
        const tag = b.ordered ? "ol" : "ul";
        return `<${tag} style="${STYLE.list}">${b.items.map((item) => `<li>${inlineHtml(item, baseUrl)}</li>`).join("")}</${tag}>`;
      }
      return `<p style="${STYLE.p}">${inlineHtml(b.children, baseUrl)}</p>`;
    })
    .join("");
}

function inlineText(nodes: Inline[], baseUrl: string | undefined): string {
  return nodes
    .map((n) => {
      if (n.type === "text" || n.type === "code") return n.text;
      if (n.type === "link") {
        const text = inlineText(n.children, baseUrl);
        const href = emailHref(n.href, baseUrl);
        return href && href !== text ? `${text} (${href})` : text;
      }
      return inlineText(n.children, baseUrl);
    })
    .join("");
}

/** Markdown as plain text without its markers: one line per block, list items as "- item" or "1. item". */
export function markdownToPlainText(source: string, baseUrl?: string): string {
  return parseMarkdown(source)
    .map((b) => {
      if (b.type === "list") return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : "-"} ${inlineText(item, baseUrl)}`).join("\n");
      return inlineText(b.children, baseUrl);
    })
    .join("\n");
}
