// PNG and PDF of a whole dashboard, made on request by the snapshot renderer (the same page and the same
// wait for "all charts rendered" as the emailed snapshots).
import { assertAllowed } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { filtersOf } from "@/lib/dashboard-filters/schema";
import { decodeFilterValues, filterQueryString, type SearchParamsLike } from "@/lib/dashboard-filters/url";
import { AppError } from "@/lib/errors";
import { sanitizeFilename } from "@/lib/export/csv";
import { BrowserMissingError } from "@/lib/render/browser";
import { RenderError, renderDashboardPdf, renderDashboardPng } from "@/lib/render/render-dashboard";
import { saveDashboardImage } from "./dashboard-image";
import { canDownloadDashboard } from "./permissions";

export const DOWNLOAD_FORMATS = ["png", "pdf"] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export interface DashboardDownload {
  body: Buffer;
  contentType: string;
  filename: string;
}

/** "Weekly tearsheet" on 2024-05-06 → "Weekly-tearsheet-2024-05-06.pdf". */
export function downloadFilename(title: string, format: DownloadFormat, now: Date = new Date()): string {
  return `${sanitizeFilename(title, "dashboard")}-${now.toISOString().slice(0, 10)}.${format}`;
}

/**
 * The dashboard rendered for the filter values of `opts.searchParams` (`f.<name>`, as on its URL): the
 * values are decoded against the dashboard's filters and re-encoded, so only known filters with valid
 * values reach the render page, which binds them as parameters.
 */
export async function downloadDashboard(
  user: SessionUser,
  dashboardId: string,
  format: DownloadFormat,
  opts: { searchParams?: SearchParamsLike } = {},
): Promise<DashboardDownload> {
  const dashboard = await getDashboardOrThrow(dashboardId, user);
  assertAllowed(canDownloadDashboard(user, dashboard), "download this dashboard");
  const filters = filtersOf(dashboard.filters);
  const filterQuery = opts.searchParams ? filterQueryString(filters, decodeFilterValues(filters, opts.searchParams)) : "";
  try {
    if (format === "pdf") {
      const { pdf } = await renderDashboardPdf(dashboard.id, { filterQuery });
      return { body: pdf, contentType: "application/pdf", filename: downloadFilename(dashboard.title, "pdf") };
    }
    const shot = await renderDashboardPng(dashboard.id, { filterQuery });
    // With the default filters, a fresh snapshot is also the latest image public links unfurl with; a
    // filtered one is not (a link preview shows the dashboard as the link opens it).
    if (!filterQuery) await saveDashboardImage(dashboard.id, shot);
    return { body: shot.png, contentType: "image/png", filename: downloadFilename(dashboard.title, "png") };
  } catch (e) {
    // Render failures are the user's to see (which chart failed and why); they can view this dashboard.
    if (e instanceof RenderError) throw new AppError("UNAVAILABLE", `Could not render the dashboard. ${e.message}`);
    if (e instanceof BrowserMissingError) throw new AppError("UNAVAILABLE", e.message);
    throw e;
  }
}
