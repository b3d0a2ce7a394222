// Streams the full result of a query as CSV (no row cap), byte-identical to psql's
// `\copy (query) to stdout csv header`. The warehouse side (slot, connection, read-only transaction with
// the statement timeout, release however the download ends) is export-connection.ts; without bound
// parameters PostgreSQL writes the CSV itself (COPY), otherwise rows come through the server-side cursor of
// stream-cursor-export.ts, batch by batch, so memory does not grow with the result.
import { to as copyTo } from "pg-copy-streams";
import { translateQueryError } from "@/lib/warehouse/query-errors";
import { csvLine, encodeCsvRows } from "./csv";
import { EXPORT_BATCH_ROWS, openExportConnection, type ExportConnection, type ExportInput } from "./export-connection";
import type { RowEncoder } from "./row-encoder";
import { streamCursorExport } from "./stream-cursor-export";

export { EXPORT_BATCH_ROWS };
export type ExportCsvInput = ExportInput;

/** Rows as CSV, our own encoder: the cursor path. */
const csvEncoder: RowEncoder = {
  start: (fields) => [Buffer.from(csvLine(fields.map((f) => f.name)))],
  rows: (rows) => encodeCsvRows(rows),
  end: () => [],
};

/**
 * Opens the query and reads the first batch before returning, so that SQL errors are reported as errors
 * (a JSON response) rather than as a broken download. The stream owns the connection from then on.
 */
export async function exportQueryCsv(input: ExportCsvInput): Promise<ReadableStream<Uint8Array>> {
  const conn = await openExportConnection(input);
  // Without bound parameters, PostgreSQL writes the CSV itself (COPY ... TO STDOUT is what psql's \copy
  // runs, so the bytes are the same by construction) at the warehouse's own speed. COPY cannot take bound
  // parameters, and Redshift has no COPY TO STDOUT: those go through the cursor.
  if (input.values.length === 0 && conn.kind === "POSTGRES" && isPlainQuery(conn.sql)) {
    const source = conn.client.query(copyTo(`${COPY_PREFIX}${conn.sql}\n) TO STDOUT WITH (FORMAT csv, HEADER)`));
    conn.onAbandon(() => source.destroy());
    return copyCsv(source, conn);
  }
  return streamCursorExport(conn, input.values, input.batchRows ?? EXPORT_BATCH_ROWS, csvEncoder);
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

async function copyCsv(source: ReturnType<typeof copyTo>, opts: ExportConnection): Promise<ReadableStream<Uint8Array>> {
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
