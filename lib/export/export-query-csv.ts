// Streams the full result of a query as CSV (no row cap), byte-identical to psql's
// `\copy (query) to stdout csv header`. Rows are read with a server-side cursor in batches inside a
// read-only transaction with the statement timeout; batches are fetched only as the response stream asks
// for more (one batch ahead), so memory does not grow with the result. Like every warehouse query, an
// export holds one of the data source's concurrency slots (lib/warehouse/concurrency-slots.ts), here for
// the whole download: released when it ends, fails or is abandoned.
import type pg from "pg";
import Cursor from "pg-cursor";
import { to as copyTo } from "pg-copy-streams";
import { getDataSourceRuntime } from "@/lib/data-sources/get-connection-config";
import { AppError } from "@/lib/errors";
import { acquireSlot } from "@/lib/warehouse/concurrency-slots";
import { getPool } from "@/lib/warehouse/pools";
import { translateConnectError, translateQueryError } from "@/lib/warehouse/query-errors";
import { quoteIdent } from "@/lib/warehouse/run-query";
import { stripTrailingSemicolons } from "@/lib/warehouse/sql-text";
import { csvLine, encodeCsvRows } from "./csv";

/** Every value as PostgreSQL's text output, untouched: CSV must show what COPY shows. */
const rawTextTypes = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

export const EXPORT_BATCH_ROWS = 5_000;

export interface ExportCsvInput {
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

/**
 * Opens the query and reads the first batch before returning, so that SQL errors are reported as errors
 * (a JSON response) rather than as a broken download. The stream owns the connection from then on.
 */
export async function exportQueryCsv(input: ExportCsvInput): Promise<ReadableStream<Uint8Array>> {
  const sql = stripTrailingSemicolons(input.text);
  if (sql.trim() === "") throw new AppError("QUERY_FAILED", "Write a query first: the SQL is empty.");
  const ds = await getDataSourceRuntime(input.dataSourceId);
  const timeoutMs = Math.max(1, Math.floor(input.timeoutMs ?? ds.statementTimeoutMs));
  const batchRows = input.batchRows ?? EXPORT_BATCH_ROWS;
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
  let cursor: Cursor<(string | null)[]> | undefined;
  let finished = false;
  /** Ends the export: the transaction, the connection (destroyed if it failed), the slot. */
  const finish = async (error?: unknown) => {
    if (finished) return;
    finished = true;
    input.signal?.removeEventListener("abort", abandon);
    let broken: Error | undefined;
    try {
      if (cursor && !error) await cursor.close();
      await client.query("ROLLBACK");
    } catch (e) {
      broken = e instanceof Error ? e : new Error(String(e));
    }
    client.release(broken ?? (error instanceof Error && !(error instanceof AppError) ? error : undefined));
    await slot.release();
  };
  let stopCopy: (() => void) | undefined;
  /**
   * The download was abandoned (the stream cancelled, or the request aborted), maybe mid-fetch: drop the
   * connection instead of reusing it, which also ends the statement and the transaction on the server.
   */
  function abandon() {
    if (finished) return;
    finished = true;
    input.signal?.removeEventListener("abort", abandon);
    stopCopy?.();
    client.release(new Error("CSV export cancelled"));
    void slot.release();
  }
  input.signal?.addEventListener("abort", abandon, { once: true });

  const read = (): Promise<{ rows: (string | null)[][]; fields: pg.FieldDef[] }> =>
    new Promise((resolve, reject) =>
      cursor!.read(batchRows, (err, rows, result) => (err ? reject(err) : resolve({ rows, fields: result?.fields ?? [] }))),
    );

  const setup = [
      "BEGIN READ ONLY",
      `SET LOCAL statement_timeout = ${timeoutMs}`,
      "SET LOCAL DateStyle = 'ISO, MDY'",
      `SET LOCAL TimeZone = '${(input.timeZone ?? "UTC").replace(/'/g, "''")}'`,
    ];
  if (ds.config.defaultSchema) setup.push(`SET LOCAL search_path = ${quoteIdent(ds.config.defaultSchema)}, public`);

  // Without bound parameters, PostgreSQL writes the CSV itself (COPY ... TO STDOUT is what psql's \copy
  // runs, so the bytes are the same by construction) at the warehouse's own speed. COPY cannot take bound
  // parameters, and Redshift has no COPY TO STDOUT: those go through the cursor below.
  if (input.values.length === 0 && ds.kind === "POSTGRES" && isPlainQuery(sql)) {
    try {
      await client.query(setup.join("; "));
    } catch (e) {
      await finish(e);
      throw translateQueryError(e, { timeoutMs });
    }
    const source = client.query(copyTo(`${COPY_PREFIX}${sql}\n) TO STDOUT WITH (FORMAT csv, HEADER)`));
    stopCopy = () => source.destroy();
    return copyCsv(source, { timeoutMs, finish, abandon });
  }

  let first: { rows: (string | null)[][]; fields: pg.FieldDef[] };
  try {
    await client.query(setup.join("; "));
    cursor = client.query(new Cursor(sql, input.values.length > 0 ? input.values : undefined, { rowMode: "array", types: rawTextTypes }));
    first = await read();
  } catch (e) {
    await finish(e);
    throw translateQueryError(e, { timeoutMs });
  }

  // The header and the first batch go out with the first pull; later batches as the reader asks for them.
  let pending: Uint8Array[] = [Buffer.from(csvLine(first.fields.map((f) => f.name))), ...encodeCsvRows(first.rows)];
  let done = first.rows.length < batchRows;
  // One batch is fetched ahead while the previous one is encoded and sent: the warehouse and this process
  // work at the same time, and memory stays bounded to two batches.
  const prefetch = () => {
    const next = read();
    next.catch(() => undefined); // awaited in pull; this only keeps an early failure from being "unhandled"
    return next;
  };
  let ahead = done ? undefined : prefetch();

  return new ReadableStream<Uint8Array>(
    {
      // Called again only once the reader has taken what was enqueued (highWaterMark 1): that is the
      // backpressure that keeps a slow download from piling batches up in memory.
      async pull(controller) {
        try {
          if (pending.length > 0) {
            for (const chunk of pending) controller.enqueue(chunk);
            pending = [];
          } else if (ahead) {
            const batch = await ahead;
            done = batch.rows.length < batchRows;
            ahead = done ? undefined : prefetch();
            for (const chunk of encodeCsvRows(batch.rows)) controller.enqueue(chunk);
          }
          if (done && pending.length === 0 && !ahead) {
            await finish();
            controller.close();
          }
        } catch (e) {
          ahead = undefined;
          await finish(e);
          controller.error(translateQueryError(e, { timeoutMs }));
        }
      },
      cancel: abandon,
    },
    { highWaterMark: 1 },
  );
}

/**
 * A statement COPY can wrap: SELECT, WITH, VALUES or TABLE, after any leading comments. Anything else
 * (a DELETE, say) takes the cursor path, where PostgreSQL refuses it as a write in a read-only transaction
 * with the same message a run gets, instead of COPY's "feature not supported".
 */
export function isPlainQuery(sql: string): boolean {
  const body = sql.replace(/^(\s+|--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/)*/, "");
  return /^(select|with|values|table)\b/i.test(body);
}

/** The text COPY puts before the user's query; PostgreSQL's error positions count it. */
const COPY_PREFIX = "COPY (";

async function copyCsv(
  source: ReturnType<typeof copyTo>,
  opts: { timeoutMs: number; finish: (error?: unknown) => Promise<void>; abandon: () => void },
): Promise<ReadableStream<Uint8Array>> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const failed = (e: unknown) => {
    const err = e as { position?: string } | null;
    // Point the error at the user's SQL, not at the COPY wrapper around it.
    if (err && typeof err.position === "string") err.position = String(Math.max(1, Number(err.position) - COPY_PREFIX.length));
    return translateQueryError(e, { timeoutMs: opts.timeoutMs });
  };
  // Read the first chunk before answering, so SQL errors become an error response, not a broken download.
  let pending: IteratorResult<Buffer>;
  try {
    pending = await chunks.next();
  } catch (e) {
    await opts.finish(e);
    throw failed(e);
  }
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const chunk = pending ?? (await chunks.next());
          pending = undefined as unknown as IteratorResult<Buffer>;
          if (chunk.done) {
            await opts.finish();
            controller.close();
          } else {
            controller.enqueue(new Uint8Array(chunk.value.buffer, chunk.value.byteOffset, chunk.value.byteLength));
          }
        } catch (e) {
          await opts.finish(e);
          controller.error(failed(e));
        }
      },
      // The download was abandoned mid-COPY: stop reading and drop the connection (ends the statement).
      cancel: opts.abandon,
    },
    { highWaterMark: 1 },
  );
}
