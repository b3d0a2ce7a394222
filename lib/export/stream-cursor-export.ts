// Streams a query's full result through a server-side cursor in batches, each turned into bytes by a
// RowEncoder (CSV, XLSX). Batches are fetched only as the response stream asks for more (one batch
// ahead), so memory does not grow with the result.
import type pg from "pg";
import Cursor from "pg-cursor";
import { translateQueryError } from "@/lib/warehouse/query-errors";
import type { ExportConnection } from "./export-connection";
import type { Chunks, RowEncoder } from "./row-encoder";

/** Every value as PostgreSQL's text output, untouched: encoders parse what they need from it. */
const rawTextTypes = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

type Batch = { rows: (string | null)[][]; fields: pg.FieldDef[] };

/**
 * Opens the cursor and encodes the first batch before returning, so that SQL errors are reported as errors
 * (a JSON response) rather than as a broken download. The stream owns the connection from then on.
 */
export async function streamCursorExport(
  conn: ExportConnection,
  values: unknown[],
  batchRows: number,
  encoder: RowEncoder,
): Promise<ReadableStream<Uint8Array>> {
  conn.onAbandon(() => encoder.dispose?.());
  let cursor: Cursor<(string | null)[]>;
  const read = (): Promise<Batch> =>
    new Promise((resolve, reject) =>
      cursor.read(batchRows, (err, rows, result) => (err ? reject(err) : resolve({ rows, fields: result?.fields ?? [] }))),
    );
  const finish = async (error?: unknown) => {
    if (error) encoder.dispose?.();
    await conn.finish(error, () => cursor.close());
  };

  // The header and the first batch go out with the first pull; later batches as the reader asks for them.
  let pending: Chunks;
  let done: boolean;
  try {
    cursor = conn.client.query(new Cursor(conn.sql, values.length > 0 ? values : undefined, { rowMode: "array", types: rawTextTypes }));
    const first = await read();
    pending = [...(await encoder.start(first.fields)), ...(await encoder.rows(first.rows))];
    done = first.rows.length < batchRows;
  } catch (e) {
    await finish(e);
    throw translateQueryError(e, { timeoutMs: conn.timeoutMs });
  }

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
      // backpressure that keeps a slow download from piling batches up in memory. The same rule means a
      // pull must enqueue at least one chunk or close the stream: one that resolved with nothing while the
      // reader waited was never called again, and the download stalled for good. An encoder may turn a
      // batch into no bytes yet (zlib keeps sheet XML until it has a block's worth), so batches are encoded
      // until some come out.
      async pull(controller) {
        const send = (chunks: Chunks) => {
          let sent = 0;
          for (const chunk of chunks) {
            if (chunk.byteLength === 0) continue;
            controller.enqueue(chunk);
            sent++;
          }
          return sent;
        };
        try {
          let sent = send(pending);
          pending = [];
          while (sent === 0 && ahead) {
            const batch = await ahead;
            done = batch.rows.length < batchRows;
            ahead = done ? undefined : prefetch();
            sent += send(await encoder.rows(batch.rows));
          }
          if (done && !ahead) {
            send(await encoder.end());
            await finish();
            controller.close();
          }
        } catch (e) {
          ahead = undefined;
          await finish(e);
          controller.error(translateQueryError(e, { timeoutMs: conn.timeoutMs }));
        }
      },
      cancel: conn.abandon,
    },
    { highWaterMark: 1 },
  );
}
