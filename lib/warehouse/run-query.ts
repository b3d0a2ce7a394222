// Runs one user query against a data source: read-only, with a statement timeout and a row cap.
import { performance } from "node:perf_hooks";
import pg from "pg";
import Cursor from "pg-cursor";
import { getDataSourceRuntime, type DataSourceRuntime } from "@/lib/data-sources/get-connection-config";
import { AppError } from "@/lib/errors";
import { BUILTIN_TYPE_NAMES, columnType, warehouseTypes } from "./pg-types";
import { acquireSlot } from "./concurrency-slots";
import { getPool, toPgClientConfig, type PoolEntry } from "./pools";
import { translateConnectError, translateQueryError } from "./query-errors";
import { stripTrailingSemicolons } from "./sql-text";
import type { ConnectionConfig, QueryResult, ResultColumn } from "./types";

export interface RunQueryInput {
  dataSourceId: string;
  sql: string;
  /** Positional parameters for $1, $2, ... (bound, never pasted into the SQL). */
  params?: unknown[];
  /** Most rows returned; default the data source's row limit. */
  rowLimit?: number;
  /** Statement timeout; default the data source's. */
  timeoutMs?: number;
  /** Aborting cancels the statement on the server. */
  signal?: AbortSignal;
  /** Told the backend pid (`select pg_backend_pid()`) of the connection before the statement runs. */
  onBackendPid?: (pid: number) => void;
}

export async function runQuery(input: RunQueryInput): Promise<QueryResult> {
  const sql = stripTrailingSemicolons(input.sql);
  if (sql.trim() === "") throw new AppError("QUERY_FAILED", "Write a query first: the SQL is empty.");
  const ds = await getDataSourceRuntime(input.dataSourceId);
  const rowLimit = Math.max(1, Math.floor(input.rowLimit ?? ds.rowLimit));
  const timeoutMs = Math.max(1, Math.floor(input.timeoutMs ?? ds.statementTimeoutMs));
  const entry = getPool(ds.id, ds.config, { maxConnections: ds.maxConcurrency });

  if (input.signal?.aborted) throw new AppError("QUERY_FAILED", "The query was cancelled.");
  // The data source's concurrency limit holds across every process; the pool's size holds within this one.
  const slot = await acquireSlot(ds.id, ds.maxConcurrency, input.signal);
  try {
    return await runWithSlot(input, { sql, ds, rowLimit, timeoutMs, entry });
  } finally {
    await slot.release();
  }
}

async function runWithSlot(
  input: RunQueryInput,
  { sql, ds, rowLimit, timeoutMs, entry }: { sql: string; ds: DataSourceRuntime; rowLimit: number; timeoutMs: number; entry: PoolEntry },
): Promise<QueryResult> {
  let client: pg.PoolClient;
  try {
    client = await entry.pool.connect();
  } catch (e) {
    throw translateConnectError(e, ds.config);
  }

  const started = performance.now();
  let backendPid: number | undefined;
  let broken: Error | undefined;
  let cancelling: Promise<unknown> | undefined;
  const onAbort = () => {
    const pid = backendPid ?? (client as unknown as { processID?: number }).processID;
    if (pid) cancelling = cancelBackend(ds.config, pid);
  };
  input.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    // One round trip: a read-only transaction whose settings vanish with the ROLLBACK below.
    const setup = ["BEGIN READ ONLY", `SET LOCAL statement_timeout = ${timeoutMs}`, "SET LOCAL DateStyle = 'ISO, MDY'"];
    if (ds.config.defaultSchema) setup.push(`SET LOCAL search_path = ${quoteIdent(ds.config.defaultSchema)}, public`);
    if (input.onBackendPid) setup.push("select pg_backend_pid() as pid");
    const setupResults = (await client.query(setup.join("; "))) as unknown as pg.QueryResult[];
    if (input.onBackendPid) {
      backendPid = Number(setupResults[setupResults.length - 1].rows[0].pid);
      input.onBackendPid(backendPid);
    }
    if (input.signal?.aborted) throw new AppError("QUERY_FAILED", "The query was cancelled.");

    // A cursor uses the extended protocol, which accepts exactly one statement: PostgreSQL itself refuses
    // "select 1; delete from t" with SQLSTATE 42601, reported as "Run one statement at a time".
    const cursor = client.query(new Cursor(sql, input.params, { rowMode: "array", types: warehouseTypes }));
    // On an error the cursor has already synced; closing it then would wait for a ReadyForQuery that came and went.
    const read = await readRows(cursor, rowLimit + 1);
    await cursor.close();
    const truncated = read.rows.length > rowLimit;
    const rows = truncated ? read.rows.slice(0, rowLimit) : read.rows;
    const columns = await describeColumns(client, entry.typeNames, read.fields);
    const durationMs = Math.round(performance.now() - started);
    return { columns, rows, rowCount: rows.length, truncated, durationMs };
  } catch (e) {
    if (input.signal?.aborted) throw new AppError("QUERY_FAILED", "The query was cancelled.");
    throw translateQueryError(e, { timeoutMs });
  } finally {
    input.signal?.removeEventListener("abort", onAbort);
    // A cancel in flight must land before the connection can serve someone else's query.
    if (cancelling) await cancelling;
    try {
      await client.query("ROLLBACK");
    } catch (e) {
      // The connection is unusable; destroy it instead of returning it to the pool.
      broken = e instanceof Error ? e : new Error(String(e));
    }
    client.release(broken);
  }
}

function readRows(cursor: Cursor<unknown[]>, max: number): Promise<{ rows: unknown[][]; fields: pg.FieldDef[] }> {
  return new Promise((resolve, reject) => {
    cursor.read(max, (err, rows, result) => {
      if (err) reject(err);
      else resolve({ rows, fields: result?.fields ?? [] });
    });
  });
}

async function describeColumns(client: pg.PoolClient, typeNames: Map<number, string>, fields: pg.FieldDef[]): Promise<ResultColumn[]> {
  const unknownOids = [...new Set(fields.map((f) => f.dataTypeID))].filter((oid) => !BUILTIN_TYPE_NAMES[oid] && !typeNames.has(oid));
  if (unknownOids.length > 0) {
    // Enums, domains, extension types: their names live in pg_type (same transaction, so cheap and read-only).
    // One scalar parameter per OID: Redshift has no array parameters, so no `= any($1::oid[])`.
    const placeholders = unknownOids.map((_, i) => `$${i + 1}`).join(", ");
    const res = await client.query<{ oid: number; typname: string }>(`select oid::int4 as oid, typname from pg_type where oid in (${placeholders})`, unknownOids);
    for (const r of res.rows) typeNames.set(Number(r.oid), r.typname);
  }
  return fields.map((f) => ({
    name: f.name,
    type: columnType(f.dataTypeID),
    dbType: BUILTIN_TYPE_NAMES[f.dataTypeID] ?? typeNames.get(f.dataTypeID) ?? String(f.dataTypeID),
  }));
}

/**
 * Asks the server to cancel the statement of backend `pid`, over a connection of its own: the pool may be
 * full of busy connections, and a cancel must not queue behind the very queries it is meant to stop.
 */
export async function cancelBackend(config: ConnectionConfig, pid: number): Promise<boolean> {
  const client = new pg.Client(toPgClientConfig(config));
  try {
    await client.connect();
    const res = await client.query<{ ok: boolean }>("select pg_cancel_backend($1) as ok", [pid]);
    return res.rows[0]?.ok === true;
  } catch (e) {
    console.error("Cancelling a warehouse query failed:", e);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
