import { getDb } from "@/lib/db";

export interface QueryRunRecord {
  userId: string | null;
  dataSourceId: string;
  sql: string;
  durationMs: number;
  rowCount?: number | null;
  error?: string | null;
}

/** Writes one row of ad-hoc query history. */
export async function recordQueryRun(run: QueryRunRecord): Promise<{ id: string }> {
  return getDb().queryRun.create({
    data: {
      userId: run.userId,
      dataSourceId: run.dataSourceId,
      sql: run.sql,
      durationMs: Math.max(0, Math.round(run.durationMs)),
      rowCount: run.rowCount ?? null,
      error: run.error ?? null,
    },
    select: { id: true },
  });
}
