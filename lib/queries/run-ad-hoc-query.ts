// A query from the SQL page: run it and keep it in the history, whether it succeeded or not.
import { performance } from "node:perf_hooks";
import { AppError } from "@/lib/errors";
import { runQuery } from "@/lib/warehouse/run-query";
import type { QueryResult } from "@/lib/warehouse/types";
import { recordQueryRun } from "./record-query-run";

export async function runAdHocQuery(input: {
  userId: string;
  dataSourceId: string;
  sql: string;
  signal?: AbortSignal;
}): Promise<QueryResult> {
  const started = performance.now();
  try {
    const result = await runQuery({ dataSourceId: input.dataSourceId, sql: input.sql, signal: input.signal });
    // The analyst gets the result even if the history cannot be written.
    await recordQueryRun({
      userId: input.userId,
      dataSourceId: input.dataSourceId,
      sql: input.sql,
      durationMs: result.durationMs,
      rowCount: result.rowCount,
    }).catch((recordError: unknown) => console.error("Recording a query run failed:", recordError));
    return result;
  } catch (e) {
    // Only runs that reached a data source are history; an unknown data source id is just a bad request.
    if (!(e instanceof AppError && e.code === "NOT_FOUND")) {
      const message = e instanceof AppError ? e.message : "Internal error";
      await recordQueryRun({
        userId: input.userId,
        dataSourceId: input.dataSourceId,
        sql: input.sql,
        durationMs: performance.now() - started,
        error: message,
      }).catch((recordError: unknown) => console.error("Recording a failed query run failed:", recordError));
    }
    throw e;
  }
}
