// CSV exactly as PostgreSQL's `COPY ... TO STDOUT (FORMAT csv, HEADER)` writes it (copyto.c,
// CopyAttributeOutCSV): NULL is an empty unquoted field; a value is quoted when it contains the delimiter,
// the quote, CR or LF, when it equals the NULL string (the empty string), or when it is `\.` alone in a
// one-column row (so it cannot be read as end-of-data); quotes inside are doubled; lines end with "\n".

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | null, singleColumn: boolean): string {
  if (value === null) return "";
  if (value === "" || NEEDS_QUOTES.test(value) || (singleColumn && value === "\\.")) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

export function csvLine(values: (string | null)[]): string {
  const single = values.length === 1;
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ",";
    line += csvField(values[i], single);
  }
  return line + "\n";
}

export function csvRows(rows: (string | null)[][]): string {
  let out = "";
  for (const row of rows) out += csvLine(row);
  return out;
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
