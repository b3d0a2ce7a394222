// Ad-hoc query history: the latest runs, everyone's or one user's.
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ParameterSpec, ParameterValue } from "./parameters";
import type { QueryRunStatus } from "./record-query-run";

export interface QueryRunSummary {
  id: string;
  user: { name: string } | null;
  /** Null once the data source was deleted (the run stays in the history). */
  dataSourceId: string | null;
  dataSourceName: string;
  /** The data source was deleted since: dataSourceName is the name it had. */
  dataSourceDeleted: boolean;
  sql: string;
  parameters: ParameterSpec[] | null;
  values: Record<string, ParameterValue> | null;
  status: QueryRunStatus;
  durationMs: number;
  rowCount: number | null;
  /** The result was cut at the data source's row cap. */
  truncated: boolean;
  error: string | null;
  createdAt: string;
}

const select = {
  id: true,
  sql: true,
  parameters: true,
  values: true,
  status: true,
  durationMs: true,
  rowCount: true,
  truncated: true,
  error: true,
  createdAt: true,
  dataSourceId: true,
  dataSourceName: true,
  user: { select: { name: true } },
  dataSource: { select: { name: true } },
} as const;

type Row = {
  id: string;
  sql: string;
  parameters: unknown;
  values: unknown;
  status: string;
  durationMs: number;
  rowCount: number | null;
  truncated: boolean;
  error: string | null;
  createdAt: Date;
  dataSourceId: string | null;
  dataSourceName: string | null;
  user: { name: string } | null;
  dataSource: { name: string } | null;
};

function toSummary(r: Row): QueryRunSummary {
  return {
    id: r.id,
    user: r.user ? { name: r.user.name } : null,
    dataSourceId: r.dataSourceId,
    dataSourceName: r.dataSource?.name ?? r.dataSourceName ?? "(deleted data source)",
    dataSourceDeleted: r.dataSource === null,
    sql: r.sql,
    parameters: (r.parameters as ParameterSpec[] | null) ?? null,
    values: (r.values as Record<string, ParameterValue> | null) ?? null,
    status: r.status as QueryRunStatus,
    durationMs: r.durationMs,
    rowCount: r.rowCount,
    truncated: r.truncated,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The latest runs, newest first; `mine` keeps only `userId`'s. */
export async function listQueryRuns(input: { userId: string; mine: boolean; limit: number }): Promise<{ runs: QueryRunSummary[] }> {
  const rows = await getDb().queryRun.findMany({
    where: input.mine ? { userId: input.userId } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, input.limit), 500),
    select,
  });
  return { runs: rows.map(toSummary) };
}

export async function getQueryRun(id: string): Promise<QueryRunSummary> {
  const row = await getDb().queryRun.findUnique({ where: { id }, select });
  if (!row) throw notFound("Query run");
  return toSummary(row);
}
