// The PNG snapshot (and the PDF) of a dashboard, taken from the real render page (/render/dashboards/{id}),
// which the web app authorizes with a short-lived signed token instead of a session.
import { signRenderToken } from "@/lib/auth/render-token";
import { getRuntimeEnv } from "@/lib/env";
import { renderPagePdf, renderPagePng, type RenderedPdf, type RenderedPng } from "./render-page";

/** How long the render page's token is valid; covers a slow render with room to spare. */
const TOKEN_TTL_SECONDS = 300;

/**
 * `filterQuery` is a dashboard URL's filter part ("f.period=last_7_days&f.region=EMEA", from
 * filterQueryString): values only, which the render page binds as parameters like the dashboard page does.
 * `timeZone` (IANA) is the one the snapshot's "taken at" line is written in; UTC without it.
 */
export function dashboardRenderUrl(dashboardId: string, filterQuery = "", timeZone?: string): string {
  const env = getRuntimeEnv();
  const token = signRenderToken(`dashboard:${dashboardId}`, env.AUTH_SECRET, TOKEN_TTL_SECONDS);
  const base = env.APP_URL.replace(/\/+$/, "");
  const filters = filterQuery ? `&${filterQuery}` : "";
  const zone = timeZone ? `&tz=${encodeURIComponent(timeZone)}` : "";
  return `${base}/render/dashboards/${encodeURIComponent(dashboardId)}?token=${encodeURIComponent(token)}${filters}${zone}`;
}

export interface RenderDashboardOptions {
  timeoutMs?: number;
  /** Filter values as a query string (see dashboardRenderUrl); default the dashboard's defaults. */
  filterQuery?: string;
  /** IANA time zone of the snapshot's "taken at" line (a digest's); UTC when absent. */
  timeZone?: string;
}

/** 1280 CSS pixels wide at 2× (so 2560 px), full page. Throws RenderError with the page's errors on failure. */
export async function renderDashboardPng(dashboardId: string, opts: RenderDashboardOptions = {}): Promise<RenderedPng> {
  return renderPagePng(dashboardRenderUrl(dashboardId, opts.filterQuery, opts.timeZone), { width: 1280, deviceScaleFactor: 2, timeoutMs: opts.timeoutMs ?? 60_000 });
}

/** The same render as renderDashboardPng, as a PDF one page tall (see renderPagePdf). */
export async function renderDashboardPdf(dashboardId: string, opts: RenderDashboardOptions = {}): Promise<RenderedPdf> {
  return renderPagePdf(dashboardRenderUrl(dashboardId, opts.filterQuery, opts.timeZone), { width: 1280, deviceScaleFactor: 2, timeoutMs: opts.timeoutMs ?? 60_000 });
}

export { closeBrowser } from "./browser";
export { RenderError } from "./render-page";
