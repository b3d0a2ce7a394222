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
  return value === null ? "" : `<c r="${ref}${cellRest(kind, value)}`;
}

/**
 * A cell from the quote that closes its reference on: `<c r="B7` + this. The sheet writer puts the
 * column's letters and the row number in front (sheet-xml.ts), and reuses it while a column repeats a value.
 */
export function cellRest(kind: CellKind, value: string): string {
  switch (kind) {
    case "integer":
      return isInteger(value) ? numberRest(value) : textRest(value);
    case "float":
      // NaN and ±Infinity have no spreadsheet number: they stay words.
      return FLOAT.test(value) ? numberRest(value) : textRest(value);
    case "decimal":
      // An integer of up to 15 digits always fits; anything else gets the full test.
      return (isInteger(value) && value.length <= (value.charCodeAt(0) === MINUS ? EXCEL_DIGITS + 1 : EXCEL_DIGITS)) || fitsExcelNumber(value)
        ? numberRest(value)
        : textRest(value);
    case "bool":
      if (value === "t" || value === "true") return '" t="b"><v>1</v></c>';
      if (value === "f" || value === "false") return '" t="b"><v>0</v></c>';
      return textRest(value);
    case "date": {
      const serial = dateSerial(value);
      return serial === undefined ? textRest(value) : `" s="${STYLE.date}"><v>${serial}</v></c>`;
    }
    case "timestamp":
    case "timestamptz": {
      const ts = timestampSerial(value, kind === "timestamptz");
      if (ts === undefined) return textRest(value);
      // A value with fractions of a second shows milliseconds (the most a number format can show); one
      // without shows whole seconds. The serial keeps every digit either way.
      return `" s="${ts.fraction ? STYLE.dateTimeMillis : STYLE.dateTime}"><v>${ts.serial}</v></c>`;
    }
    default:
      return textRest(value);
  }
}

const MINUS = 45;
const ZERO = 48;

/** `^-?\d+$`, without a regular expression: a loop over a few characters costs less than the match. */
function isInteger(value: string): boolean {
  let i = value.charCodeAt(0) === MINUS ? 1 : 0;
  if (i === value.length) return false;
  for (; i < value.length; i++) {
    const digit = value.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return false;
  }
  return true;
}

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

function numberRest(value: string): string {
  return `"><v>${value}</v></c>`;
}

function textRest(value: string): string {
  if (isPlainText(value)) return `" t="inlineStr"><is><t>${value}</t></is></c>`;
  const text = escapeCellText(value);
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `" t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

export function textCell(ref: string, value: string, style?: number): string {
  const rest = textRest(value);
  return style ? `<c r="${ref}" s="${style}${rest}` : `<c r="${ref}${rest}`;
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

/**
 * Whether `value` goes into a cell as it is: no character to drop or escape, none that could be a
 * surrogate, nothing to cut, no space at either end (which needs xml:space). Most values are; one pass
 * over the characters then replaces the regular expressions above.
 */
function isPlainText(value: string): boolean {
  const n = value.length;
  if (n > MAX_CELL_CHARS) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    // Below space: controls, tab, LF, CR. & < > _ may need escaping; D800-DFFF surrogates; FFFE, FFFF.
    if (c <= 0x20 ? c < 0x20 || i === 0 || i === n - 1 : c === 0x26 || c === 0x3c || c === 0x3e || c === 0x5f || (c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe))) {
      return false;
    }
  }
  // Spaces other than ASCII's (no-break, ideographic…) at either end.
  return n === 0 || ((value.charCodeAt(0) < 0x80 || !/^\s/.test(value)) && (value.charCodeAt(n - 1) < 0x80 || !/\s$/.test(value)));
}

// --- dates ---

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

// PostgreSQL prints dates and timestamps (DateStyle ISO) as `2024-01-05`, `2024-01-05 13:45:00`, with
// `.123456` when there are fractions of a second and, for timestamptz, an offset `+05`, `-03:30` or
// `+05:53:28`. Anything else (BC dates, years past 9999, ±infinity) does not parse and stays text. The
// parsers read the digits by position: regular expressions and their captures cost more than the rest of
// the cell.

/** The number of the two digits at `i`, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - ZERO;
  const b = s.charCodeAt(i + 1) - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Day number (Excel's count from 1899-12-30) of the `yyyy-mm-dd` at the start of `s`, or undefined. */
function dayCount(s: string, minYear: number): number | undefined {
  const century = twoDigits(s, 0);
  const yy = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  if (century < 0 || yy < 0 || month < 0 || day < 0 || s.charCodeAt(4) !== MINUS || s.charCodeAt(7) !== MINUS) return undefined;
  const year = century * 100 + yy;
  if (year < minYear) return undefined; // (Date.UTC would take years 0-99 as 1900-1999)
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

function dateSerial(value: string): number | undefined {
  if (value.length !== 10) return undefined;
  const day = dayCount(value, 1900);
  return day === undefined ? undefined : excelSerial(day);
}

const SPACE = 32;
const COLON = 58;
const DOT = 46;
const PLUS = 43;

/**
 * A timestamp's serial, and whether it has fractions of a second; with `utc`, a timestamptz's UTC offset
 * (`+05:30`) is taken off to give UTC. A timestamp without time zone with an offset stays text.
 */
function timestampSerial(value: string, utc: boolean): { serial: number; fraction: boolean } | undefined {
  const n = value.length;
  if (n < 19 || value.charCodeAt(10) !== SPACE || value.charCodeAt(13) !== COLON || value.charCodeAt(16) !== COLON) return undefined;
  const day = dayCount(value, 1899);
  const hours = twoDigits(value, 11);
  const minutes = twoDigits(value, 14);
  const secs = twoDigits(value, 17);
  if (day === undefined || hours < 0 || minutes < 0 || secs < 0) return undefined;
  let i = 19;
  let fraction = 0;
  if (i < n && value.charCodeAt(i) === DOT) {
    let end = i + 1;
    while (end < n && isDigit(value.charCodeAt(end))) end++;
    if (end === i + 1) return undefined;
    fraction = Number(value.slice(i, end)); // ".123456": the same double as parsing the whole number
    i = end;
  }
  let seconds = hours * 3600 + minutes * 60 + secs + fraction;
  const hasFraction = i > 19;
  if (i < n) {
    const sign = value.charCodeAt(i);
    if (!utc || (sign !== PLUS && sign !== MINUS)) return undefined;
    const offsetHours = twoDigits(value, i + 1);
    if (offsetHours < 0) return undefined;
    i += 3;
    // Then up to two more fields (minutes, seconds), each with or without its colon.
    let offset = offsetHours * 3600;
    for (const unit of [60, 1]) {
      if (i === n) break;
      const at = value.charCodeAt(i) === COLON ? i + 1 : i;
      const field = twoDigits(value, at);
      if (field < 0) return undefined;
      offset += field * unit;
      i = at + 2;
    }
    if (i !== n) return undefined;
    seconds -= sign === PLUS ? offset : -offset;
  }
  const serial = excelSerial(day + seconds / 86_400);
  return serial === undefined ? undefined : { serial, fraction: hasFraction };
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= ZERO + 9;
}
