// Reading a chart's version history. A chart whose current state has no version row (saved before history
// existed) shows that state as its current version, attributed to its last editor at its last update.
import { toChartPerson } from "@/lib/charts/chart-record";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { chartChangeSummary } from "./diff";
import {
  versionListQuerySchema,
  type ChartVersionDetailResponse,
  type ChartVersionRecord,
  type VersionListQuery,
  type VersionListResponse,
} from "./types";

const person = { select: { id: true, name: true, email: true } } as const;

type Record_ = Omit<ChartVersionRecord, "dataSourceName">;

async function loadChart(chartId: string) {
  const chart = await getDb().chart.findUnique({ where: { id: chartId }, include: { updatedBy: person } });
  if (!chart) throw notFound("Chart");
  return chart;
}

function currentAsVersion(chart: Awaited<ReturnType<typeof loadChart>>): Record_ {
  return {
    version: chart.version,
    savedAt: chart.updatedAt.toISOString(),
    savedBy: toChartPerson(chart.updatedBy),
    title: chart.title,
    description: chart.description,
    sql: chart.sql,
    dataSourceId: chart.dataSourceId,
    vizType: chart.vizType,
    vizConfig: chart.vizConfig,
    parameters: chart.parameters,
  };
}

type VersionRow = Awaited<ReturnType<typeof findRows>>[number];

function findRows(where: { chartId: string; version?: { lt?: number; equals?: number } }, take: number) {
  return getDb().chartVersion.findMany({ where, orderBy: { version: "desc" }, take, include: { savedBy: person } });
}

function fromRow(r: VersionRow): Record_ {
  return {
    version: r.version,
    savedAt: r.savedAt.toISOString(),
    savedBy: toChartPerson(r.savedBy),
    title: r.title,
    description: r.description,
    sql: r.sql,
    dataSourceId: r.dataSourceId,
    vizType: r.vizType,
    vizConfig: r.vizConfig,
    parameters: r.parameters,
  };
}

/** Newest first, `limit` at a time; each with what it changed compared with the version before it. */
export async function listChartVersions(chartId: string, query: VersionListQuery = {}): Promise<VersionListResponse> {
  const { before, limit } = versionListQuerySchema.parse(query);
  const chart = await loadChart(chartId);
  const rows = await findRows({ chartId, ...(before ? { version: { lt: before } } : {}) }, limit + 1);
  const items = rows.map(fromRow);
  if (!before && (items.length === 0 || items[0].version < chart.version)) items.unshift(currentAsVersion(chart));
  const page = items.slice(0, limit);
  const hasMore = items.length > limit;
  return {
    kind: "chart",
    id: chartId,
    currentVersion: chart.version,
    versions: page.map((v, i) => ({
      version: v.version,
      savedAt: v.savedAt,
      savedBy: v.savedBy,
      changes: items[i + 1] ? chartChangeSummary(items[i + 1], v) : [v.version === 1 ? "first version" : "oldest version kept"],
      current: v.version === chart.version,
    })),
    nextBefore: hasMore ? page[page.length - 1].version : null,
  };
}

/** One version, or the synthesized current one; null when there is no such version. */
async function findVersion(chart: Awaited<ReturnType<typeof loadChart>>, version: number): Promise<Record_ | null> {
  const [row] = await findRows({ chartId: chart.id, version: { equals: version } }, 1);
  if (row) return fromRow(row);
  return version === chart.version ? currentAsVersion(chart) : null;
}

/** A version with the one before it and the chart's current state, for the diff views. */
export async function getChartVersionDetail(chartId: string, version: number): Promise<ChartVersionDetailResponse> {
  const chart = await loadChart(chartId);
  const [target, current, [previousRow]] = await Promise.all([
    findVersion(chart, version),
    findVersion(chart, chart.version),
    findRows({ chartId, version: { lt: version } }, 1),
  ]);
  if (!target || !current) throw notFound("Version");
  const previous = previousRow ? fromRow(previousRow) : null;
  const ids = [...new Set([target, current, previous].flatMap((v) => (v ? [v.dataSourceId] : [])))];
  const sources = await getDb().dataSource.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const names = new Map(sources.map((s) => [s.id, s.name]));
  const withName = (v: Record_): ChartVersionRecord => ({ ...v, dataSourceName: names.get(v.dataSourceId) ?? null });
  return { kind: "chart", version: withName(target), previous: previous && withName(previous), current: withName(current) };
}

/** The stored state of one version (synthesized for an unrecorded current one), for restoring it. */
export async function getChartVersionForRestore(chartId: string, version: number): Promise<Record_ | null> {
  return findVersion(await loadChart(chartId), version);
}
