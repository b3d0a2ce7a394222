// A cached chart result as CSV in the bytes psql's `\copy (query) to stdout csv header` writes (with the
// session in UTC, as lib/export does). The cache holds JSON (lib/warehouse/pg-types.ts), so each value is
// turned back into PostgreSQL's text output for its column type. That is exact for text, integers, floats,
// booleans, dates, timestamps, bytea and anything the cache kept as text (intervals, arrays, times, NaN),
// and for timestamptz to the millisecond. What JSON cannot carry is lost: a numeric's trailing zeros
// (1.50 → 1.5), sub-millisecond timestamptz digits, json's original spacing; jsonb is written in
// PostgreSQL's own layout and key order but its numbers lose trailing zeros too.
import { canonicalDecimal } from "@/lib/warehouse/pg-types";
import type { ResultColumn } from "@/lib/warehouse/types";
import { csvLine } from "@/lib/export/csv";

/**
 * float4/float8 as PostgreSQL 12+ prints them (shortest round-trip digits, src/common/d2s.c and f2s.c):
 * plain notation for decimal exponents from -4 up to 14 (float8) or 5 (float4), otherwise "1.5e-07" style
 * with at least two exponent digits.
 */
export function pgFloatText(n: number, dbType: "float4" | "float8" = "float8"): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "Infinity";
  if (n === -Infinity) return "-Infinity";
  if (Object.is(n, -0)) return "-0";
  if (n === 0) return "0";
  const negative = n < 0;
  // toExponential() with no argument gives the shortest digits that read back as the same number.
  const [mantissa, expText] = Math.abs(n).toExponential().split("e");
  const exp = Number(expText);
  const digits = mantissa.replace(".", "");
  const sign = negative ? "-" : "";
  const maxPlainExp = dbType === "float4" ? 6 : 15;
  if (exp < -4 || exp >= maxPlainExp) {
    const abs = Math.abs(exp);
    return `${sign}${mantissa}e${exp < 0 ? "-" : "+"}${abs < 10 ? `0${abs}` : abs}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}${frac ? `.${frac}` : ""}`;
}

/** jsonb's text form: keys sorted by length then bytes, ", " between items and ": " after keys. */
export function jsonbText(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number") return canonicalDecimal(String(value)) ?? String(value);
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(", ")}]`;
  if (typeof value === "object") {
    const keys = Object.keys(value as Record<string, unknown>).sort(jsonbKeyOrder);
    return `{${keys.map((k) => `${JSON.stringify(k)}: ${jsonbText((value as Record<string, unknown>)[k])}`).join(", ")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function jsonbKeyOrder(a: string, b: string): number {
  const ab = Buffer.from(a, "utf8");
  const bb = Buffer.from(b, "utf8");
  return ab.length - bb.length || Buffer.compare(ab, bb);
}

/** "2024-01-05T13:45:00.120Z" → "2024-01-05 13:45:00.12+00" (timestamptz output in UTC). */
function timestamptzText(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(iso);
  if (!m) return iso; // infinity, BC dates: the cache kept PostgreSQL's own text
  const frac = (m[3] ?? "").replace(/0+$/, "");
  return `${m[1]} ${m[2]}${frac ? `.${frac}` : ""}+00`;
}

/** One cached value as PostgreSQL's text output for its column; null stays NULL (an empty CSV field). */
export function pgTextOf(value: unknown, column: Pick<ResultColumn, "dbType">): string | null {
  if (value === null || value === undefined) return null;
  const type = column.dbType;
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") {
    if (type === "float4" || type === "float8") return pgFloatText(value, type);
    // int2/int4/int8/oid/numeric: the cache kept a number only when it shows the exact decimal.
    return canonicalDecimal(String(value)) ?? String(value);
  }
  if (typeof value === "string") {
    if (type === "timestamptz") return timestamptzText(value);
    if (type === "timestamp") return /^\d{4}-\d{2}-\d{2}T\d/.test(value) ? value.replace("T", " ") : value;
    return value;
  }
  if (type === "jsonb") return jsonbText(value);
  return JSON.stringify(value);
}

/** Header and rows, each line ending in "\n", quoted exactly where COPY quotes. */
export function cachedResultCsv(columns: Pick<ResultColumn, "name" | "dbType">[], rows: unknown[][]): string {
  let out = csvLine(columns.map((c) => c.name));
  for (const row of rows) out += csvLine(columns.map((c, i) => pgTextOf(row[i], c)));
  return out;
}
