// One result value as a SpreadsheetML cell, from PostgreSQL's text output of the value and its column's
// type OID. Numbers are written as the warehouse printed them (no float formatting on the way); int8 and
// numeric only when Excel can hold them without losing a digit, else as text; dates and timestamps as
// Excel serial numbers with a date format; everything else as an inline string, never a formula.

/** PostgreSQL type OIDs (pg_type.oid, the same on Redshift). */
const OID = {
  bool: 16,
  int8: 20,
  int2: 21,
  int4: 23,
  float4: 700,
  float8: 701,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  numeric: 1700,
} as const;

export type CellKind = "integer" | "float" | "decimal" | "bool" | "date" | "timestamp" | "timestamptz" | "text";

export function cellKindOf(typeOid: number): CellKind {
  switch (typeOid) {
    case OID.int2:
    case OID.int4:
      return "integer";
    case OID.float4:
    case OID.float8:
      return "float";
    case OID.int8:
    case OID.numeric:
      return "decimal";
    case OID.bool:
      return "bool";
    case OID.date:
      return "date";
    case OID.timestamp:
      return "timestamp";
    case OID.timestamptz:
      return "timestamptz";
    default:
      return "text";
  }
}

/** Indexes into styles.xml's cellXfs (see workbook-parts.ts). */
export const STYLE = { header: 1, date: 2, dateTime: 3, dateTimeMillis: 4 } as const;

/** Excel's limit on the characters of one cell; longer text is cut to this many, ending with "…". */
export const MAX_CELL_CHARS = 32_767;

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * The cell `ref` (e.g. "B7") holding `value` of a column of `kind`; "" for NULL (no cell: Excel's empty).
 */
export function encodeCell(ref: string, kind: CellKind, value: string | null): string {
  if (value === null) return "";
  switch (kind) {
    case "integer":
      return INTEGER.test(value) ? numberCell(ref, value) : textCell(ref, value);
    case "float":
      // NaN and ±Infinity have no spreadsheet number: they stay words.
      return FLOAT.test(value) ? numberCell(ref, value) : textCell(ref, value);
    case "decimal":
      return fitsExcelNumber(value) ? numberCell(ref, value) : textCell(ref, value);
    case "bool":
      if (value === "t" || value === "true") return `<c r="${ref}" t="b"><v>1</v></c>`;
      if (value === "f" || value === "false") return `<c r="${ref}" t="b"><v>0</v></c>`;
      return textCell(ref, value);
    case "date": {
      const serial = dateSerial(value);
      return serial === undefined ? textCell(ref, value) : `<c r="${ref}" s="${STYLE.date}"><v>${serial}</v></c>`;
    }
    case "timestamp":
    case "timestamptz": {
      const serial = timestampSerial(value, kind === "timestamptz");
      if (serial === undefined) return textCell(ref, value);
      // A value with fractions of a second shows milliseconds (the most a number format can show); one
      // without shows whole seconds. The serial keeps every digit either way.
      const style = HAS_FRACTION.test(value) ? STYLE.dateTimeMillis : STYLE.dateTime;
      return `<c r="${ref}" s="${style}"><v>${serial}</v></c>`;
    }
    default:
      return textCell(ref, value);
  }
}

const INTEGER = /^-?\d+$/;
/** A timestamp printed with fractions of a second: `12:00:00.5`, `12:00:00.123456+05:30`. */
const HAS_FRACTION = /:\d\d\.\d/;
/** PostgreSQL's float output (shortest exact digits): `-1.5`, `1e+15`, `2.2250738585072014e-308`. */
const FLOAT = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
/** PostgreSQL's numeric and int8 output: no exponent. */
const DECIMAL = /^-?(\d+)(?:\.(\d+))?$/;

/** Excel keeps 15 significant digits (it shows, edits and saves a number to 15), like IEEE doubles' DBL_DIG. */
const EXCEL_DIGITS = 15;
const SMALLEST_NORMAL_DOUBLE = 2.2250738585072014e-308;

/**
 * Whether a decimal reads back from a spreadsheet as the same decimal: at most 15 significant digits
 * (then decimal → double → decimal gives it back exactly, and Excel, which works to 15 digits, shows it
 * whole) and within the range of normal doubles. A 16-digit bigint id, or a numeric(30,10), would lose
 * digits silently as a number; it stays text.
 */
export function fitsExcelNumber(value: string): boolean {
  const m = DECIMAL.exec(value);
  if (!m) return false; // NaN, Infinity
  const significant = (m[1] + (m[2] ?? "")).replace(/^0+/, "").replace(/0+$/, "");
  if (significant.length > EXCEL_DIGITS) return false;
  if (significant.length === 0) return true; // zero
  const abs = Math.abs(Number(value));
  return Number.isFinite(abs) && abs >= SMALLEST_NORMAL_DOUBLE;
}

function numberCell(ref: string, value: string): string {
  return `<c r="${ref}"><v>${value}</v></c>`;
}

export function textCell(ref: string, value: string, style?: number): string {
  const text = escapeCellText(value);
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

// --- text ---

/**
 * Characters XML 1.0 does not allow (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; unpaired
 * surrogates): no reader would open the file, so they are dropped.
 */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * What must be escaped: markup, CR (an XML reader turns a raw CR into LF; `&#13;` keeps it), and an
 * underscore starting `_xHHHH_`, which Excel reads as an escaped character (ECMA-376 ST_Xstring), so it
 * is written as `_x005F_`.
 */
const ESCAPE = /[&<>\r]|_(?=x[0-9A-Fa-f]{4}_)/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;", _: "_x005F_" };
/** One cheap scan for each: most values need neither replacement, and then none is run. */
const MAY_BE_FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const MAY_NEED_ESCAPE = /[&<>\r_]/;

/** Cell text as XML content: forbidden characters dropped, cut to Excel's limit, escaped. */
export function escapeCellText(value: string): string {
  let text = MAY_BE_FORBIDDEN.test(value) ? value.replace(FORBIDDEN, "") : value;
  if (text.length > MAX_CELL_CHARS) {
    // Excel counts UTF-16 code units; never cut a surrogate pair in two.
    let cut = MAX_CELL_CHARS - 1;
    if (/[\uD800-\uDBFF]/.test(text[cut - 1])) cut--;
    text = text.slice(0, cut) + "…";
  }
  return MAY_NEED_ESCAPE.test(text) ? text.replace(ESCAPE, (c) => ESCAPES[c]) : text;
}

// --- dates ---

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/;
const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 counted from 1899-12-30, Excel's day 0 (from 1900-03-01 on). */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * Excel's serial of a day counted from 1899-12-30, where `raw` is that count (fractional for a time), or
 * undefined when the value must stay text. Excel believes 1900 had a February 29 (Lotus 1-2-3's bug), so
 * its serials before 1900-03-01 are one less than the count, while LibreOffice counts from 1899-12-30
 * throughout: the two apps show different days for those serials, so dates before 1900-03-01 stay text
 * (as do dates after 9999-12-31, Excel's last).
 */
function excelSerial(raw: number): number | undefined {
  return raw < 61 || raw >= 2_958_466 ? undefined : raw; // 1900-03-01 is 61; 10000-01-01 is 2,958,466
}

function dateSerial(value: string): number | undefined {
  const m = DATE.exec(value); // BC dates ("4713-01-01 BC") and ±infinity do not match
  if (!m || Number(m[1]) < 1900) return undefined; // (Date.UTC would take years 0-99 as 1900-1999)
  return excelSerial(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY + UNIX_EPOCH_SERIAL);
}

/** A timestamp's serial; with `utc`, a timestamptz's UTC offset (`+05:30`) is taken off to give UTC. */
function timestampSerial(value: string, utc: boolean): number | undefined {
  const m = TIMESTAMP.exec(value);
  if (!m || (!utc && m[8]) || Number(m[1]) < 1899) return undefined; // (Date.UTC takes years 0-99 as 1900-1999)
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  let seconds = Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]) + (m[7] ? Number(m[7]) : 0);
  if (m[8]) {
    const offset = Number(m[9]) * 3600 + Number(m[10] ?? 0) * 60 + Number(m[11] ?? 0);
    seconds -= m[8] === "+" ? offset : -offset;
  }
  return excelSerial(day + seconds / 86_400);
}
