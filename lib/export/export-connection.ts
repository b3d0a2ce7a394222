// The warehouse side of an export, whatever its file format: one of the data source's concurrency slots
// (lib/warehouse/concurrency-slots.ts) and a connection, held for the whole download, inside a read-only
// transaction with the statement timeout; released when the export ends, fails or is abandoned.
import type pg from "pg";
import { getDataSourceRuntime } from "@/lib/data-sources/get-connection-config";
import { AppError } from "@/lib/errors";
import { acquireSlot } from "@/lib/warehouse/concurrency-slots";
import { getPool } from "@/lib/warehouse/pools";
import { translateConnectError, translateQueryError } from "@/lib/warehouse/query-errors";
import { quoteIdent } from "@/lib/warehouse/run-query";
import { stripTrailingSemicolons } from "@/lib/warehouse/sql-text";

export const EXPORT_BATCH_ROWS = 5_000;

export interface ExportInput {
  dataSourceId: string;
  /** Compiled SQL ($n) and bound values. */
  text: string;
  values: unknown[];
  timeoutMs?: number;
  /** Session time zone of the export (timestamptz values are written in it). */
  timeZone?: string;
  batchRows?: number;
  /**
   * The download's request signal: aborting stops the wait for a slot, and ends an export already
   * streaming even if the response never started reading it (the connection and the slot are freed).
   */
  signal?: AbortSignal;
}

export interface ExportConnection {
  client: pg.PoolClient;
  kind: string;
  /** The query without trailing semicolons. */
  sql: string;
  timeoutMs: number;
  /**
   * Ends the export: the transaction, the connection (destroyed if it failed), the slot. Once. `close`
   * (a cursor's) runs first when the export succeeded: the ROLLBACK would otherwise queue behind it.
   */
  finish(error?: unknown, close?: () => Promise<void>): Promise<void>;
  /**
   * The download was abandoned (the stream cancelled, or the request aborted), maybe mid-fetch: drops the
   * connection instead of reusing it, which also ends the statement and the transaction on the server.
   */
  abandon(): void;
  /** Adds what else an abandoned export must stop (a COPY stream, an encoder's memory). */
  onAbandon(stop: () => void): void;
}

/** Waits for a slot, connects and opens the transaction; errors come back translated for the user. */
export async function openExportConnection(input: ExportInput): Promise<ExportConnection> {
  const sql = stripTrailingSemicolons(input.text);
  if (sql.trim() === "") throw new AppError("QUERY_FAILED", "Write a query first: the SQL is empty.");
  const ds = await getDataSourceRuntime(input.dataSourceId);
  const timeoutMs = Math.max(1, Math.floor(input.timeoutMs ?? ds.statementTimeoutMs));
  const entry = getPool(ds.id, ds.config, { maxConnections: ds.maxConcurrency });

  // Waits here while the data source already runs its maximum of queries (in any process).
  const slot = await acquireSlot(ds.id, ds.maxConcurrency, input.signal);
  let client: pg.PoolClient;
  try {
    if (input.signal?.aborted) throw new AppError("QUERY_FAILED", "The export was cancelled.");
    client = await entry.pool.connect();
  } catch (e) {
    await slot.release();
    throw e instanceof AppError ? e : translateConnectError(e, ds.config);
  }

  let finished = false;
  const stops: (() => void)[] = [];
  const finish = async (error?: unknown, close?: () => Promise<void>) => {
    if (finished) return;
    finished = true;
    input.signal?.removeEventListener("abort", abandon);
    let broken: Error | undefined;
    try {
      if (close && !error) await close();
      await client.query("ROLLBACK");
    } catch (e) {
      broken = e instanceof Error ? e : new Error(String(e));
    }
    client.release(broken ?? (error instanceof Error && !(error instanceof AppError) ? error : undefined));
    await slot.release();
  };
  function abandon() {
    if (finished) return;
    finished = true;
    input.signal?.removeEventListener("abort", abandon);
    for (const stop of stops) stop();
    client.release(new Error("Export cancelled"));
    void slot.release();
  }
  input.signal?.addEventListener("abort", abandon, { once: true });

  const setup = [
    "BEGIN READ ONLY",
    `SET LOCAL statement_timeout = ${timeoutMs}`,
    "SET LOCAL DateStyle = 'ISO, MDY'",
    `SET LOCAL TimeZone = '${(input.timeZone ?? "UTC").replace(/'/g, "''")}'`,
  ];
  if (ds.config.defaultSchema) setup.push(`SET LOCAL search_path = ${quoteIdent(ds.config.defaultSchema)}, public`);
  try {
    await client.query(setup.join("; "));
  } catch (e) {
    await finish(e);
    throw translateQueryError(e, { timeoutMs });
  }
  return { client, kind: ds.kind, sql, timeoutMs, finish, abandon, onAbandon: (stop) => stops.push(stop) };
}
