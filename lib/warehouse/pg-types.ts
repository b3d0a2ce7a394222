// How warehouse values become JSON and which coarse type each column gets. Type parsers are built here and
// passed to the warehouse pool and cursors only; pg's global parsers (and so Prisma's) are never touched.
import pg from "pg";
import type { ResultColumn } from "./types";

/** OIDs of PostgreSQL's built-in types (stable across servers; Redshift uses the same ones). */
export const OID = {
  bool: 16,
  bytea: 17,
  char: 18,
  name: 19,
  int8: 20,
  int2: 21,
  int4: 23,
  text: 25,
  oid: 26,
  json: 114,
  xml: 142,
  float4: 700,
  float8: 701,
  unknown: 705,
  money: 790,
  bpchar: 1042,
  varchar: 1043,
  date: 1082,
  time: 1083,
  timestamp: 1114,
  timestamptz: 1184,
  interval: 1186,
  timetz: 1266,
  numeric: 1700,
  uuid: 2950,
  jsonb: 3802,
} as const;

/** Names of built-in types, for ResultColumn.dbType. Other OIDs are looked up in pg_type. */
export const BUILTIN_TYPE_NAMES: Record<number, string> = {
  16: "bool",
  17: "bytea",
  18: "char",
  19: "name",
  20: "int8",
  21: "int2",
  23: "int4",
  24: "regproc",
  25: "text",
  26: "oid",
  114: "json",
  142: "xml",
  650: "cidr",
  700: "float4",
  701: "float8",
  705: "unknown",
  790: "money",
  829: "macaddr",
  869: "inet",
  1000: "_bool",
  1005: "_int2",
  1007: "_int4",
  1009: "_text",
  1015: "_varchar",
  1016: "_int8",
  1021: "_float4",
  1022: "_float8",
  1042: "bpchar",
  1043: "varchar",
  1082: "date",
  1083: "time",
  1114: "timestamp",
  1115: "_timestamp",
  1182: "_date",
  1184: "timestamptz",
  1185: "_timestamptz",
  1186: "interval",
  1231: "_numeric",
  1266: "timetz",
  1560: "bit",
  1562: "varbit",
  1700: "numeric",
  2205: "regclass",
  2206: "regtype",
  2950: "uuid",
  2951: "_uuid",
  199: "_json",
  3802: "jsonb",
  3807: "_jsonb",
};

const STRING_OIDS = new Set<number>([OID.text, OID.varchar, OID.bpchar, OID.name, OID.char, OID.unknown, OID.uuid, OID.xml]);
const NUMBER_OIDS = new Set<number>([OID.int2, OID.int4, OID.int8, OID.oid, OID.float4, OID.float8, OID.numeric]);

/** The coarse type the UI and chart inference use. */
export function columnType(oid: number): ResultColumn["type"] {
  if (NUMBER_OIDS.has(oid)) return "number";
  if (STRING_OIDS.has(oid)) return "string";
  if (oid === OID.bool) return "boolean";
  if (oid === OID.date) return "date";
  if (oid === OID.timestamp || oid === OID.timestamptz) return "timestamp";
  if (oid === OID.json || oid === OID.jsonb) return "json";
  return "other";
}

/**
 * A decimal string in canonical form: no "+", no leading zeros in the integer part, no trailing zeros in
 * the fraction, no exponent. Returns null for anything that is not a finite decimal.
 */
export function canonicalDecimal(text: string): string | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const negative = m[1] === "-";
  let digits = m[2] + (m[3] ?? "");
  let pointAt = m[2].length + (m[4] ? Number(m[4]) : 0);
  // Pad so the decimal point falls within the digits.
  if (pointAt < 0) {
    digits = "0".repeat(-pointAt) + digits;
    pointAt = 0;
  } else if (pointAt > digits.length) {
    digits = digits + "0".repeat(pointAt - digits.length);
  }
  const intPart = digits.slice(0, pointAt).replace(/^0+/, "") || "0";
  const fracPart = digits.slice(pointAt).replace(/0+$/, "");
  const body = fracPart ? `${intPart}.${fracPart}` : intPart;
  return negative && body !== "0" ? `-${body}` : body;
}

/** int8/numeric text → a number when the number shows exactly the same decimal value, else the text. */
export function parseExactNumber(text: string): number | string {
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  const canonical = canonicalDecimal(text);
  return canonical !== null && canonical === canonicalDecimal(String(n)) ? n : text;
}

/** float text → number; NaN and ±Infinity are not JSON, so they stay text. */
export function parseFloatValue(text: string): number | string {
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** timestamptz text ("2024-01-05 13:45:00.123+00") → "2024-01-05T13:45:00.123Z". */
export function parseTimestamptz(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2} /.test(text)) return text; // infinity, BC dates
  // "+05:30" / "+05" / "+05:30:15" offsets from the session time zone: make them ISO ("+05:00").
  const iso = text.replace(" ", "T").replace(/([+-]\d{2})(?::?(\d{2}))?(?::\d{2})?$/, (_m, h: string, mm?: string) => `${h}:${mm ?? "00"}`);
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? text : d.toISOString();
}

/** timestamp (no time zone) text "2024-01-05 13:45:00.123456" → "2024-01-05T13:45:00.123456" (wall-clock, no zone). */
export function parseTimestamp(text: string): string {
  return /^\d{4}-\d{2}-\d{2} \d/.test(text) && !text.endsWith(" BC") ? text.replace(" ", "T") : text;
}

/** bytea text → hex ("\x0102"). The escape output format is converted to hex as well. */
export function parseBytea(text: string): string {
  if (text.startsWith("\\x")) return text;
  const buf = pg.types.getTypeParser(OID.bytea, "text")(text) as unknown as Buffer;
  return `\\x${buf.toString("hex")}`;
}

const identity = (v: string) => v;

/** Text-format parser for a column of type `oid`: everything ends up as JSON (numbers, strings, booleans, parsed JSON). */
export function getTypeParser(oid: number, format?: string): (value: string) => unknown {
  if (format === "binary") return identity;
  switch (oid) {
    case OID.bool:
      return (v) => v === "t" || v === "true";
    case OID.int2:
    case OID.int4:
    case OID.oid:
      return (v) => Number(v);
    case OID.float4:
    case OID.float8:
      return parseFloatValue;
    case OID.int8:
    case OID.numeric:
      return parseExactNumber;
    case OID.date:
      return identity; // already "YYYY-MM-DD" with DateStyle ISO
    case OID.timestamp:
      return parseTimestamp;
    case OID.timestamptz:
      return parseTimestamptz;
    case OID.json:
    case OID.jsonb:
      return (v) => JSON.parse(v);
    case OID.bytea:
      return parseBytea;
    default:
      // Arrays, intervals, times, enums, geometry...: PostgreSQL's own text form.
      return identity;
  }
}

/** The `types` option for pg clients and cursors that read warehouse results. */
export const warehouseTypes = { getTypeParser } as unknown as pg.CustomTypesConfig;
