// Reading a dashboard's layout history. Private dashboards answer NOT_FOUND to anyone who may not view
// them, exactly as the dashboard itself does. A dashboard whose current state has no version row shows that
// state as its current version.
import { toChartPerson } from "@/lib/charts/chart-record";
import type { SessionUser } from "@/lib/auth/session";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { dashboardChangeSummary, type LayoutContent } from "./diff";
import { dashboardSnapshot } from "./record-version";
import {
  versionListQuerySchema,
  type DashboardVersionDetailResponse,
  type DashboardVersionRecord,
  type VersionListQuery,
  type VersionListResponse,
} from "./types";

const person = { select: { id: true, name: true, email: true } } as const;

/** A stored snapshot as a layout, tolerating fields that older snapshots lack. */
export function layoutOf(snapshot: unknown): LayoutContent {
  const s = (snapshot ?? {}) as Partial<LayoutContent>;
  return {
    title: s.title ?? "",
    description: s.description ?? "",
    filters: s.filters ?? [],
    tags: Array.isArray(s.tags) ? s.tags : [],
    tiles: Array.isArray(s.tiles) ? s.tiles : [],
  };
}

async function loadDashboard(user: SessionUser, dashboardId: string) {
  const dashboard = await getDashboardOrThrow(dashboardId, user);
  const updatedBy = dashboard.updatedById
    ? await getDb().user.findUnique({ where: { id: dashboard.updatedById }, select: { id: true, name: true, email: true } })
    : null;
  return { dashboard, updatedBy };
}

async function currentAsVersion({ dashboard, updatedBy }: Awaited<ReturnType<typeof loadDashboard>>): Promise<DashboardVersionRecord> {
  const { snapshot } = await dashboardSnapshot(getDb(), dashboard.id);
  return {
    ...layoutOf(snapshot),
    version: dashboard.version,
    savedAt: dashboard.updatedAt.toISOString(),
    savedBy: toChartPerson(updatedBy),
  };
}

function findRows(where: { dashboardId: string; version?: { lt?: number; equals?: number } }, take: number) {
  return getDb().dashboardVersion.findMany({ where, orderBy: { version: "desc" }, take, include: { savedBy: person } });
}

function fromRow(r: Awaited<ReturnType<typeof findRows>>[number]): DashboardVersionRecord {
  return { ...layoutOf(r.snapshot), version: r.version, savedAt: r.savedAt.toISOString(), savedBy: toChartPerson(r.savedBy) };
}

/** Newest first, `limit` at a time; each with what it changed compared with the version before it. */
export async function listDashboardVersions(user: SessionUser, dashboardId: string, query: VersionListQuery = {}): Promise<VersionListResponse> {
  const { before, limit } = versionListQuerySchema.parse(query);
  const loaded = await loadDashboard(user, dashboardId);
  const rows = await findRows({ dashboardId, ...(before ? { version: { lt: before } } : {}) }, limit + 1);
  const items = rows.map(fromRow);
  if (!before && (items.length === 0 || items[0].version < loaded.dashboard.version)) items.unshift(await currentAsVersion(loaded));
  const page = items.slice(0, limit);
  return {
    kind: "dashboard",
    id: dashboardId,
    currentVersion: loaded.dashboard.version,
    versions: page.map((v, i) => ({
      version: v.version,
      savedAt: v.savedAt,
      savedBy: v.savedBy,
      changes: items[i + 1] ? dashboardChangeSummary(items[i + 1], v) : [v.version === 1 ? "first version" : "oldest version kept"],
      current: v.version === loaded.dashboard.version,
    })),
    nextBefore: items.length > limit ? page[page.length - 1].version : null,
  };
}

/** A version with the one before it and the dashboard's current state, for the diff views. */
export async function getDashboardVersionDetail(user: SessionUser, dashboardId: string, version: number): Promise<DashboardVersionDetailResponse> {
  const loaded = await loadDashboard(user, dashboardId);
  const currentVersion = loaded.dashboard.version;
  const [[targetRow], [currentRow], [previousRow]] = await Promise.all([
    findRows({ dashboardId, version: { equals: version } }, 1),
    findRows({ dashboardId, version: { equals: currentVersion } }, 1),
    findRows({ dashboardId, version: { lt: version } }, 1),
  ]);
  const current = currentRow ? fromRow(currentRow) : await currentAsVersion(loaded);
  const target = targetRow ? fromRow(targetRow) : version === currentVersion ? current : null;
  if (!target) throw notFound("Version");
  const previous = previousRow ? fromRow(previousRow) : null;
  const chartIds = [...new Set([target, current, previous].flatMap((v) => v?.tiles.flatMap((t) => (t.chartId ? [t.chartId] : [])) ?? []))];
  const charts = await getDb().chart.findMany({ where: { id: { in: chartIds } }, select: { id: true, title: true } });
  return {
    kind: "dashboard",
    version: target,
    previous,
    current,
    chartTitles: Object.fromEntries(charts.map((c) => [c.id, c.title])),
  };
}
