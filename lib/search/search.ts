// One search over dashboards (title, description, tags) and charts (title, definition and, for editors, SQL).
// Every word must occur somewhere in a result (ILIKE, bound parameters); results are ranked so that title
// hits come first, then tags, then definitions, then SQL.
import { canRunSql, canViewDashboard } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { containsWord, highlight, likePattern, plainText, queryWords, snippet } from "./snippet";
import { DEFAULT_SEARCH_LIMIT, type SearchField, type SearchResponse, type SearchResult } from "./types";

// Weights: any title hit outranks every combination of hits elsewhere (at most 8 words × 30).
// Constants, written into the SQL as literals (not parameters) so that CASE has one integer type.
const W_TITLE = Prisma.raw("1000");
const W_TAG = Prisma.raw("30");
const W_DESCRIPTION = Prisma.raw("10");
const W_SQL = Prisma.raw("3");
const TITLE_EXACT = Prisma.raw("10000");
const TITLE_PREFIX = Prisma.raw("5000");
const TITLE_PHRASE = Prisma.raw("2000");

interface DashboardRow {
  id: string;
  title: string;
  description: string;
  tags: string[] | null;
  isPrivate: boolean;
  ownerId: string | null;
  updatedAt: Date;
  score: number;
}

interface ChartRow {
  id: string;
  title: string;
  description: string;
  sql: string;
  updatedAt: Date;
  score: number;
}

function titleBonus(column: Prisma.Sql, words: string[]): Prisma.Sql {
  const phrase = words.join(" ");
  const prefix = `${likePattern(phrase).slice(1)}`;
  return Prisma.sql`CASE WHEN lower(${column}) = lower(${phrase}) THEN ${TITLE_EXACT}
    WHEN ${column} ILIKE ${prefix} THEN ${TITLE_PREFIX}
    WHEN ${column} ILIKE ${likePattern(phrase)} THEN ${TITLE_PHRASE} ELSE 0 END`;
}

async function searchDashboards(user: SessionUser, words: string[], take: number): Promise<DashboardRow[]> {
  const tagsText = Prisma.sql`array_to_string(coalesce(d."tags", '{}'::text[]), ' ')`;
  const patterns = words.map(likePattern);
  const every = patterns.map((p) => Prisma.sql`(d."title" ILIKE ${p} OR d."description" ILIKE ${p} OR ${tagsText} ILIKE ${p})`);
  const perWord = patterns.map(
    (p) => Prisma.sql`CASE WHEN d."title" ILIKE ${p} THEN ${W_TITLE} WHEN ${tagsText} ILIKE ${p} THEN ${W_TAG}
      WHEN d."description" ILIKE ${p} THEN ${W_DESCRIPTION} ELSE 0 END`,
  );
  // The same rule as canViewDashboard, in SQL so that LIMIT counts only what the user may see.
  const visible = user.role === "ADMIN" ? Prisma.sql`TRUE` : Prisma.sql`(d."isPrivate" = false OR d."ownerId" = ${user.id})`;
  const rows = await getDb().$queryRaw<DashboardRow[]>`
    SELECT d."id", d."title", d."description", d."tags", d."isPrivate", d."ownerId", d."updatedAt",
      (${Prisma.join(perWord, " + ")} + ${titleBonus(Prisma.sql`d."title"`, words)})::int AS "score"
    FROM "Dashboard" d
    WHERE ${visible} AND ${Prisma.join(every, " AND ")}
    ORDER BY "score" DESC, d."updatedAt" DESC, d."id"
    LIMIT ${take}`;
  return rows.filter((d) => canViewDashboard(user, d));
}

async function searchCharts(user: SessionUser, words: string[], take: number, includeSql: boolean): Promise<ChartRow[]> {
  const patterns = words.map(likePattern);
  const every = patterns.map((p) =>
    includeSql
      ? Prisma.sql`(c."title" ILIKE ${p} OR c."description" ILIKE ${p} OR c."sql" ILIKE ${p})`
      : Prisma.sql`(c."title" ILIKE ${p} OR c."description" ILIKE ${p})`,
  );
  const perWord = patterns.map((p) =>
    includeSql
      ? Prisma.sql`CASE WHEN c."title" ILIKE ${p} THEN ${W_TITLE} WHEN c."description" ILIKE ${p} THEN ${W_DESCRIPTION}
          WHEN c."sql" ILIKE ${p} THEN ${W_SQL} ELSE 0 END`
      : Prisma.sql`CASE WHEN c."title" ILIKE ${p} THEN ${W_TITLE} WHEN c."description" ILIKE ${p} THEN ${W_DESCRIPTION} ELSE 0 END`,
  );
  // Viewers never receive SQL, not even as a snippet.
  const sqlColumn = includeSql ? Prisma.sql`c."sql"` : Prisma.sql`''`;
  return getDb().$queryRaw<ChartRow[]>`
    SELECT c."id", c."title", c."description", ${sqlColumn} AS "sql", c."updatedAt",
      (${Prisma.join(perWord, " + ")} + ${titleBonus(Prisma.sql`c."title"`, words)})::int AS "score"
    FROM "Chart" c
    WHERE ${Prisma.join(every, " AND ")}
    ORDER BY "score" DESC, c."updatedAt" DESC, c."id"
    LIMIT ${take}`;
}

/** The dashboards, visible to `user`, that each chart is on. */
export async function dashboardsOfCharts(user: SessionUser, chartIds: string[]): Promise<Map<string, { id: string; title: string }[]>> {
  const byChart = new Map<string, { id: string; title: string }[]>();
  if (chartIds.length === 0) return byChart;
  const tiles = await getDb().dashboardTile.findMany({
    where: { chartId: { in: chartIds } },
    select: { chartId: true, dashboard: { select: { id: true, title: true, isPrivate: true, ownerId: true } } },
    orderBy: { dashboard: { title: "asc" } },
  });
  for (const t of tiles) {
    if (!t.chartId || !canViewDashboard(user, t.dashboard)) continue;
    const list = byChart.get(t.chartId) ?? [];
    if (!list.some((d) => d.id === t.dashboard.id)) list.push({ id: t.dashboard.id, title: t.dashboard.title });
    byChart.set(t.chartId, list);
  }
  return byChart;
}

/** Where a chart opens: the SQL page for those who may run SQL, else the first dashboard showing it. */
export function chartHref(user: SessionUser, chartId: string, dashboards: { id: string }[]): string | null {
  if (canRunSql(user)) return `/sql?chart=${encodeURIComponent(chartId)}`;
  return dashboards[0] ? `/dashboards/${encodeURIComponent(dashboards[0].id)}` : null;
}

function matched(fields: Partial<Record<SearchField, string>>, words: string[]): SearchField[] {
  return (Object.keys(fields) as SearchField[]).filter((f) => fields[f] && words.some((w) => containsWord(fields[f]!, w)));
}

function bestSnippet(
  candidates: { field: Exclude<SearchField, "title">; text: string }[],
  words: string[],
): SearchResult["snippet"] {
  for (const c of candidates) {
    const segments = snippet(c.text, words);
    if (segments) return { field: c.field, segments };
  }
  // Nothing but the title matched: show the start of the definition, if there is one.
  const first = candidates[0];
  if (first?.field === "description" && first.text) {
    const segments = snippet(first.text, [], 160, true);
    if (segments) return { field: "description", segments };
  }
  return null;
}

/** Dashboards and charts matching every word of `query`, best first. */
export async function search(user: SessionUser, query: string, limit = DEFAULT_SEARCH_LIMIT): Promise<SearchResponse> {
  const words = queryWords(query);
  if (words.length === 0) return { query, words, results: [], truncated: false };
  const includeSql = canRunSql(user);
  const [dashboards, charts] = await Promise.all([searchDashboards(user, words, limit + 1), searchCharts(user, words, limit + 1, includeSql)]);
  const onDashboards = await dashboardsOfCharts(
    user,
    charts.map((c) => c.id),
  );

  const results: SearchResult[] = [
    ...dashboards.map((d): SearchResult => {
      const tags = d.tags ?? [];
      const description = plainText(d.description, "markdown");
      return {
        kind: "dashboard",
        id: d.id,
        title: d.title,
        titleSegments: highlight(d.title, words),
        href: `/dashboards/${encodeURIComponent(d.id)}`,
        matchedIn: matched({ title: d.title, description, tags: tags.join(" ") }, words),
        snippet: bestSnippet(
          [
            { field: "description", text: description },
            { field: "tags", text: tags.join(", ") },
          ],
          words,
        ),
        tags,
        score: d.score,
        updatedAt: d.updatedAt.toISOString(),
      };
    }),
    ...charts.map((c): SearchResult => {
      const description = plainText(c.description, "markdown");
      const sql = includeSql ? plainText(c.sql, "plain") : "";
      const dashboardsOfChart = onDashboards.get(c.id) ?? [];
      return {
        kind: "chart",
        id: c.id,
        title: c.title,
        titleSegments: highlight(c.title, words),
        href: chartHref(user, c.id, dashboardsOfChart),
        matchedIn: matched(includeSql ? { title: c.title, description, sql } : { title: c.title, description }, words),
        snippet: bestSnippet(
          [
            { field: "description", text: description },
            ...(includeSql ? [{ field: "sql" as const, text: sql }] : []),
          ],
          words,
        ),
        dashboards: dashboardsOfChart,
        score: c.score,
        updatedAt: c.updatedAt.toISOString(),
      };
    }),
  ];
  results.sort(
    (a, b) =>
      b.score - a.score ||
      (a.kind === b.kind ? 0 : a.kind === "dashboard" ? -1 : 1) ||
      b.updatedAt.localeCompare(a.updatedAt) ||
      a.title.localeCompare(b.title),
  );
  return {
    query,
    words,
    results: results.slice(0, limit),
    truncated: dashboards.length > limit || charts.length > limit || results.length > limit,
  };
}
