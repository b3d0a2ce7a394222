// CSV exactly as PostgreSQL's `COPY ... TO STDOUT (FORMAT csv, HEADER)` writes it (copyto.c,
// CopyAttributeOutCSV): NULL is an empty unquoted field; a value is quoted when it contains the delimiter,
// the quote, CR or LF, when it equals the NULL string (the empty string), or when it is `\.` alone in a
// one-column row (so it cannot be read as end-of-data); quotes inside are doubled; lines end with "\n".

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | null, singleColumn: boolean): string {
  if (value === null) return "";
  return value === "" || NEEDS_QUOTES.test(value) || (singleColumn && value === "\\.") ? quote(value) : value;
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

export function csvLine(values: (string | null)[]): string {
  const single = values.length === 1;
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ",";
    const value = values[i];
    // Most values need no quotes: test that first (one regex scan) before building anything.
    if (value !== null) line += value === "" || NEEDS_QUOTES.test(value) || (single && value === "\\.") ? quote(value) : value;
  }
  return line + "\n";
}

export const CSV_CHUNK_BYTES = 64 * 1024;

/**
 * Rows as CSV bytes, in chunks of about `chunkBytes`. Each line is written into a preallocated buffer as
 * soon as it is built: concatenating a whole batch into one string and encoding that costs more than twice
 * as much (V8 has to flatten a rope of thousands of pieces, then TextEncoder measures and copies it again).
 */
export function encodeCsvRows(rows: (string | null)[][], chunkBytes = CSV_CHUNK_BYTES): Buffer[] {
  const chunks: Buffer[] = [];
  let chunk = Buffer.allocUnsafe(chunkBytes);
  let used = 0;
  for (const row of rows) {
    const line = csvLine(row);
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, makes 4).
    const room = line.length * 3;
    if (used + room > chunk.length) {
      if (used > 0) chunks.push(chunk.subarray(0, used));
      chunk = Buffer.allocUnsafe(Math.max(chunkBytes, room));
      used = 0;
    }
    used += chunk.write(line, used, "utf8");
  }
  if (used > 0) chunks.push(chunk.subarray(0, used));
  return chunks;
}

/** A file name safe for Content-Disposition: letters, digits, dot, dash, underscore. */
export function sanitizeFilename(name: string | undefined, fallback = "query-results"): string {
  const cleaned = (name ?? "")
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 100);
  return cleaned || fallback;
}
