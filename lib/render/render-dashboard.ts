// The PNG snapshot (and the PDF) of a dashboard, taken from the real render page (/render/dashboards/{id}),
// which the web app authorizes with a short-lived signed token instead of a session.
import { signRenderToken } from "@/lib/auth/render-token";
import { getRuntimeEnv } from "@/lib/env";
import { renderPagePdf, renderPagePng, type RenderedPdf, type RenderedPng } from "./render-page";

/** How long the render page's token is valid; covers a slow render with room to spare. */
const TOKEN_TTL_SECONDS = 300;

/**
 * `filterQuery` is the dashboard's filter state as in its URL ("f.region=EMEA", lib/dashboard-filters/url.ts):
 * the render page shows the charts for those values, run and cached as the dashboard page does.
 */
export function dashboardRenderUrl(dashboardId: string, filterQuery = ""): string {
  const env = getRuntimeEnv();
  const token = signRenderToken(`dashboard:${dashboardId}`, env.AUTH_SECRET, TOKEN_TTL_SECONDS);
  const base = env.APP_URL.replace(/\/+$/, "");
  return `${base}/render/dashboards/${encodeURIComponent(dashboardId)}?token=${encodeURIComponent(token)}${filterQuery ? `&${filterQuery}` : ""}`;
}

/** 1280 CSS pixels wide at 2× (so 2560 px), full page. Throws RenderError with the page's errors on failure. */
export async function renderDashboardPng(dashboardId: string, opts: { timeoutMs?: number; filterQuery?: string } = {}): Promise<RenderedPng> {
  return renderPagePng(dashboardRenderUrl(dashboardId, opts.filterQuery), { width: 1280, deviceScaleFactor: 2, timeoutMs: opts.timeoutMs ?? 60_000 });
}

/** The same render as renderDashboardPng, as a PDF one page tall (see renderPagePdf). */
export async function renderDashboardPdf(dashboardId: string, opts: { timeoutMs?: number; filterQuery?: string } = {}): Promise<RenderedPdf> {
  return renderPagePdf(dashboardRenderUrl(dashboardId, opts.filterQuery), { width: 1280, deviceScaleFactor: 2, timeoutMs: opts.timeoutMs ?? 60_000 });
}

export { closeBrowser } from "./browser";
export { RenderError } from "./render-page";
