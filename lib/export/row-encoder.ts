// What turns a query's rows into a download's bytes (CSV, XLSX), batch by batch, for stream-cursor-export.ts.
import type pg from "pg";

export type Chunks = Uint8Array[];

export interface RowEncoder {
  /** The bytes before the first row (a header), given the result's columns. */
  start(fields: pg.FieldDef[]): Chunks | Promise<Chunks>;
  /** A batch of rows, every value as PostgreSQL's text output (null for NULL). */
  rows(rows: (string | null)[][]): Chunks | Promise<Chunks>;
  /** The bytes after the last row. */
  end(): Chunks | Promise<Chunks>;
  /** Frees what the encoder holds when the export stops before its end. */
  dispose?(): void;
}
