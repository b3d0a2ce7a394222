// Streams generated COPY text into PostgreSQL with backpressure: the generator runs only as fast as the
// server takes rows, so memory stays flat whatever the table size.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** Runs `copySql` (a COPY ... FROM STDIN) fed by `chunks`; returns the rows the server stored. */
export async function copyChunks(client: pg.ClientBase, copySql: string, chunks: Iterable<Buffer>): Promise<number> {
  const sink = client.query(copyFrom(copySql));
  await pipeline(Readable.from(chunks, { objectMode: false, highWaterMark: 256 * 1024 }), sink);
  return sink.rowCount;
}
