// What link previews (Slack, Teams, ...) learn about a dashboard. An internal link (/dashboards/<id>) tells
// only its title, and for a private dashboard (or an unknown id) not even that: no data leaves without a
// public link. A public link (/share/<token>) tells the title, the description and the latest snapshot.
import type { Metadata } from "next";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import type { DashboardView } from "@/lib/dashboards/get-dashboard-view";
import { shareImageUrl, shareUrl } from "./token";

/** The title of a private or unknown dashboard: the same for both, so it says nothing about either. */
export const HIDDEN_DASHBOARD_TITLE = "Spyglass dashboard";
const SITE_NAME = "Spyglass";
/** Slack cuts descriptions at about this length anyway. */
const MAX_DESCRIPTION = 300;

/** The title an internal link may show without a session. */
export async function internalDashboardTitle(dashboardId: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(dashboardId)) return HIDDEN_DASHBOARD_TITLE;
  const dashboard = await getDb().dashboard.findUnique({ where: { id: dashboardId }, select: { title: true, isPrivate: true } });
  if (!dashboard || dashboard.isPrivate) return HIDDEN_DASHBOARD_TITLE;
  return dashboard.title;
}

/**
 * Metadata of the signed-in dashboard page, safe for signed-out crawlers: title only (no description,
 * not even the app's default one, no image). For generateMetadata of app/(app)/dashboards/[id]/page.tsx.
 */
export async function internalDashboardMetadata(dashboardId: string): Promise<Metadata> {
  const title = await internalDashboardTitle(dashboardId);
  return {
    title: { absolute: title === HIDDEN_DASHBOARD_TITLE ? title : `${title} · ${SITE_NAME}` },
    description: null,
    openGraph: { title, siteName: SITE_NAME, type: "website" },
    twitter: { card: "summary", title },
    robots: { index: false, follow: false },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * The whole page a link-preview bot gets for an internal link (served by /api/share/unfurl/<id>, to which
 * the app rewrites bot requests for /dashboards/<id>): the same title-only metadata, and nothing else.
 */
export async function internalUnfurlHtml(dashboardId: string): Promise<string> {
  const title = escapeHtml(await internalDashboardTitle(dashboardId));
  const pageTitle = title === HIDDEN_DASHBOARD_TITLE ? title : `${title} · ${SITE_NAME}`;
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${pageTitle}</title>`,
    '<meta name="robots" content="noindex, nofollow">',
    `<meta property="og:title" content="${title}">`,
    `<meta property="og:site_name" content="${SITE_NAME}">`,
    '<meta property="og:type" content="website">',
    '<meta name="twitter:card" content="summary">',
    `<meta name="twitter:title" content="${title}">`,
    "</head><body><p>Sign in to Spyglass to see this dashboard.</p></body></html>",
  ].join("\n");
}

/** A one-paragraph plain-text description: Markdown marks and line breaks flattened, cut at a word. */
export function plainDescription(markdown: string): string {
  const text = markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#>~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= MAX_DESCRIPTION) return text;
  const cut = text.slice(0, MAX_DESCRIPTION - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 200 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

/** Metadata of a public link's page: Open Graph and Twitter card with the latest snapshot as the image. */
export function publicDashboardMetadata(view: Pick<DashboardView, "title" | "description">, token: string): Metadata {
  const { APP_URL } = getRuntimeEnv();
  const description = plainDescription(view.description) || `A dashboard shared from ${SITE_NAME}.`;
  const image = shareImageUrl(APP_URL, token);
  return {
    title: { absolute: view.title },
    description,
    openGraph: {
      title: view.title,
      description,
      type: "website",
      url: shareUrl(APP_URL, token),
      siteName: SITE_NAME,
      images: [{ url: image, alt: `Snapshot of ${view.title}` }],
    },
    twitter: { card: "summary_large_image", title: view.title, description, images: [image] },
    robots: { index: false, follow: false },
    // The token is in the address: links on the page must not pass it on in the Referer header.
    referrer: "no-referrer",
  };
}
