// What one digest carries, made once per subscription and scheduled time whatever the number of
// recipients: the data refreshed first when it is stale, the dashboard rendered with the subscription's
// filter values (image and/or PDF), and a CSV per chart from the results that render used.
import { cachedResultCsv } from "@/lib/sharing/cached-result-csv";
import { getDashboardView } from "@/lib/dashboards/get-dashboard-view";
import { filtersOf, type FilterValues } from "@/lib/dashboard-filters/schema";
import { decodeFilterValues, filterQueryString } from "@/lib/dashboard-filters/url";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { sanitizeFilename } from "@/lib/export/csv";
import { renderDashboardPdf, renderDashboardPng } from "@/lib/render/render-dashboard";
import { refreshDashboardIfStale } from "./refresh-if-stale";

export interface DigestContent {
  dashboardId: string;
  dashboardTitle: string;
  /** The live dashboard with the same filter values. */
  dashboardUrl: string;
  /** The filter state as a query string ("" when none). */
  filterQuery: string;
  png?: Buffer;
  imageWidth?: number;
  files: { filename: string; content: Buffer | string; contentType: string }[];
  definitions: { title: string; description: string }[];
  /** Time spent rendering (image and PDF). */
  renderMs: number;
  /** How many times the dashboard page was rendered (image, PDF). */
  renders: number;
  /** Whether the data was refreshed first because it was stale. */
  refreshed: boolean;
}

export interface DigestFormat {
  dashboardId: string;
  filterValues: unknown;
  includeImage: boolean;
  attachCsv: boolean;
  attachPdf: boolean;
  /** The subscription's time zone: the snapshot's "taken at" line is written in it (UTC when absent). */
  timezone?: string;
}

function storedFilterValues(v: unknown): FilterValues {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as FilterValues) : {};
}

/** Unique file names: "Revenue.csv", "Revenue-2.csv". */
function uniqueName(base: string, taken: Set<string>): string {
  let name = `${base}.csv`;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}.csv`;
  taken.add(name);
  return name;
}

/** The live dashboard with the digest's filter values, and those values as a query string. */
export function digestDashboardLink(dashboard: { id: string; filters: unknown }, filterValues: unknown): { filterQuery: string; dashboardUrl: string } {
  // The stored values go through the URL codec, as a pasted link's would: values that no longer fit a
  // filter (it was renamed or changed type) are dropped rather than bound.
  const filterQuery = filterQueryString(filtersOf(dashboard.filters), storedFilterValues(filterValues));
  const base = getRuntimeEnv().APP_URL.replace(/\/+$/, "");
  return { filterQuery, dashboardUrl: `${base}/dashboards/${encodeURIComponent(dashboard.id)}${filterQuery ? `?${filterQuery}` : ""}` };
}

export async function prepareDigest(format: DigestFormat, opts: { timeoutMs?: number } = {}): Promise<DigestContent> {
  const dashboard = await getDb().dashboard.findUnique({ where: { id: format.dashboardId }, select: { id: true, title: true, filters: true } });
  if (!dashboard) throw notFound("Dashboard");
  const refreshed = (await refreshDashboardIfStale(dashboard.id)) !== null;

  const filters = filtersOf(dashboard.filters);
  const { filterQuery, dashboardUrl } = digestDashboardLink(dashboard, format.filterValues);

  let renderMs = 0;
  let renders = 0;
  let png: Buffer | undefined;
  let imageWidth: number | undefined;
  const files: DigestContent["files"] = [];
  if (format.includeImage) {
    const shot = await renderDashboardPng(dashboard.id, { filterQuery, timeZone: format.timezone, timeoutMs: opts.timeoutMs });
    png = shot.png;
    imageWidth = Math.round(shot.width / 2);
    renderMs += shot.ms;
    renders++;
  }
  if (format.attachPdf) {
    const doc = await renderDashboardPdf(dashboard.id, { filterQuery, timeZone: format.timezone, timeoutMs: opts.timeoutMs });
    files.push({ filename: `${sanitizeFilename(dashboard.title, "dashboard")}.pdf`, content: doc.pdf, contentType: "application/pdf" });
    renderMs += doc.ms;
    renders++;
  }

  // Read after rendering: the render page ran (and cached) any chart its filter values change, so this
  // reads the same results the image shows.
  const view = await getDashboardView(dashboard.id, { filterValues: decodeFilterValues(filters, new URLSearchParams(filterQuery)) });
  const seen = new Set<string>();
  const definitions: DigestContent["definitions"] = [];
  const names = new Set<string>();
  for (const tile of view?.tiles ?? []) {
    if (!tile.chart || seen.has(tile.chart.id)) continue;
    seen.add(tile.chart.id);
    definitions.push({ title: tile.chart.title, description: tile.chart.description });
    if (format.attachCsv && tile.result && tile.result.computedAt) {
      files.push({
        filename: uniqueName(sanitizeFilename(tile.chart.title, "chart"), names),
        content: cachedResultCsv(tile.result.columns, tile.result.rows),
        contentType: "text/csv; charset=utf-8",
      });
    }
  }
  return { dashboardId: dashboard.id, dashboardTitle: dashboard.title, dashboardUrl, filterQuery, png, imageWidth, files, definitions, renderMs, renders, refreshed };
}
