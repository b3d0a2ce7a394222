// A query from the SQL page: expand snippets, compile parameters, run it through the engine (single-flight,
// cache, cancel) and keep it in the history, whether it succeeded, failed or was cancelled.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { AppError } from "@/lib/errors";
import type { QueryResult } from "@/lib/warehouse/types";
import { CANCELLED_MESSAGE, executeQuery } from "./execute-query";
import type { RunQueryBody } from "./schemas";
import { prepareQuery, withOriginalPosition, type PreparedQuery } from "./prepare-query";
import { recordQueryRun, type QueryRunRecord } from "./record-query-run";

/** A run request as the API accepts it, plus who runs it and the server-side controls. */
export interface AdHocQueryInput extends RunQueryBody {
  userId: string;
  rowLimit?: number;
  signal?: AbortSignal;
}

export type AdHocQueryResult = QueryResult & { runId: string; computedAt: string; startedAt: string; cached: boolean; joined: boolean };

export async function runAdHocQuery(input: AdHocQueryInput): Promise<AdHocQueryResult> {
  const started = performance.now();
  const runId = input.runId ?? randomUUID();
  const record = (fields: Pick<QueryRunRecord, "status" | "rowCount" | "truncated" | "error" | "durationMs">) =>
    recordQueryRun({
      userId: input.userId,
      dataSourceId: input.dataSourceId,
      sql: input.sql,
      parameters: input.parameters,
      values: input.values,
      ...fields,
    }).catch((recordError: unknown) => console.error("Recording a query run failed:", recordError));

  let prepared: PreparedQuery | undefined;
  try {
    prepared = await prepareQuery(input);
    const run = await executeQuery({
      dataSourceId: input.dataSourceId,
      text: prepared.text,
      values: prepared.values,
      rowLimit: input.rowLimit,
      runId,
      userId: input.userId,
      useCache: input.useCache,
      signal: input.signal,
    });
    // The analyst gets the result even if the history cannot be written.
    await record({ status: "succeeded", rowCount: run.result.rowCount, truncated: run.result.truncated, durationMs: run.cached ? 0 : run.result.durationMs });
    return {
      ...run.result,
      runId,
      computedAt: run.computedAt.toISOString(),
      startedAt: run.startedAt.toISOString(),
      cached: run.cached,
      joined: run.joined,
    };
  } catch (e) {
    const error = prepared ? withOriginalPosition(e, prepared) : e;
    // Only runs that reached a data source are history; an unknown data source id is just a bad request,
    // most often a SQL page left open while an admin deleted the source: say what to do.
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      throw new AppError("NOT_FOUND", "This data source no longer exists (an admin may have deleted it): choose another one in the Data source list.");
    }
    const message = error instanceof AppError ? error.message : "Internal error";
    const cancelled = error instanceof AppError && error.message === CANCELLED_MESSAGE;
    await record({ status: cancelled ? "cancelled" : "failed", error: message, durationMs: performance.now() - started });
    throw error;
  }
}
