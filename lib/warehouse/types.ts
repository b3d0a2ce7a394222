// Shapes shared by everything that runs warehouse queries or shows their results.

/** How to reach a warehouse. Stored encrypted in DataSource.encryptedConfig; never sent to the browser. */
export interface ConnectionConfig {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /** "disable" | "require" (encrypt, do not verify) | "verify-full" (verify against `sslCa` or system CAs). */
  sslMode: "disable" | "require" | "verify-full";
  sslCa?: string;
  /** Schema put first on the search_path. */
  defaultSchema?: string;
}

/** A column of a result: its name and a coarse type the UI and chart inference understand. */
export interface ResultColumn {
  name: string;
  type: "number" | "string" | "boolean" | "date" | "timestamp" | "json" | "other";
  /** PostgreSQL's type name, e.g. "int8", "timestamptz", "numeric". */
  dbType: string;
}

/**
 * A query result as it crosses the wire and is cached. Rows are arrays (columns may repeat names).
 * Values are JSON: numbers (int8/numeric become numbers when exactly representable, else strings),
 * strings, booleans, null; dates and timestamps as ISO-8601 strings.
 */
export interface QueryResult {
  columns: ResultColumn[];
  rows: unknown[][];
  rowCount: number;
  /** True when the row cap cut the result. */
  truncated: boolean;
  durationMs: number;
}
