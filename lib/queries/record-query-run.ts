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
  /** The result was cut at the row cap. */
  truncated?: boolean;
  error?: string | null;
}

/**
 * The value with every NUL character replaced by U+FFFD: PostgreSQL's text and jsonb cannot store NUL, and a
 * run whose SQL or values held one (refused, but still a run) would otherwise be missing from the history.
 */
function withoutNul<T>(value: T): T {
  if (typeof value === "string") return value.replace(/\u0000/g, "\ufffd") as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutNul(k), withoutNul(v)])) as T;
  return value;
}

/** Writes one row of ad-hoc query history. */
export async function recordQueryRun(input: QueryRunRecord): Promise<{ id: string }> {
  const run = withoutNul(input);
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
      truncated: run.truncated ?? false,
      error: run.error ?? null,
    },
    select: { id: true },
  });
}
