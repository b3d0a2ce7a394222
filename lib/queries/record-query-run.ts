import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ParameterSpec, ParameterValue } from "./parameters";

export type QueryRunStatus = "succeeded" | "failed" | "cancelled";

export interface QueryRunRecord {
  userId: string | null;
  dataSourceId: string;
  /** As typed, before snippets and parameters. */
  sql: string;
  parameters?: ParameterSpec[] | null;
  values?: Record<string, ParameterValue> | null;
  status?: QueryRunStatus;
  durationMs: number;
  rowCount?: number | null;
  error?: string | null;
}

/** Writes one row of ad-hoc query history. */
export async function recordQueryRun(run: QueryRunRecord): Promise<{ id: string }> {
  const json = (v: unknown) => (v === undefined || v === null ? undefined : (v as Prisma.InputJsonValue));
  return getDb().queryRun.create({
    data: {
      userId: run.userId,
      dataSourceId: run.dataSourceId,
      sql: run.sql,
      parameters: json(run.parameters && run.parameters.length > 0 ? run.parameters : null),
      values: json(run.values && Object.keys(run.values).length > 0 ? run.values : null),
      status: run.status ?? (run.error ? "failed" : "succeeded"),
      durationMs: Math.max(0, Math.round(run.durationMs)),
      rowCount: run.rowCount ?? null,
      error: run.error ?? null,
    },
    select: { id: true },
  });
}
