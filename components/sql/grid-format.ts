// How the results grid shows, sorts and copies values. Pure, so it is unit-tested without a browser.
import type { ResultColumn } from "@/lib/warehouse/types";

type Column = Pick<ResultColumn, "type" | "dbType">;

const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;

/** Thousands separators on the integer part; the fraction as the warehouse gave it. */
function groupDigits(text: string): string {
  const [int, frac] = text.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/** A column's type as the header shows it: PostgreSQL names array types `_int4`; analysts write `int4[]`. */
export function typeLabel(dbType: string): string {
  return /^_[a-z]/.test(dbType) ? `${dbType.slice(1)}[]` : dbType;
}

/** Text of a non-null cell as shown in the grid. */
export function displayValue(value: unknown, column: Column): string {
  if (value === null || value === undefined) return "NULL";
  if (column.type === "number") {
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return String(value);
      return groupDigits(String(value).includes("e") ? value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 }) : String(value));
    }
    if (typeof value === "string" && NUMERIC_TEXT.test(value)) return groupDigits(value);
    return String(value);
  }
  if (column.type === "date" && typeof value === "string") return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
  if (column.type === "timestamp" && typeof value === "string") return timestampText(value, column, false);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const TITLE_FROM = 40;
const TITLE_MAX = 2000;

/** The tooltip of a cell: a long text (cut off by the column's width) can be read whole by hovering it. */
export function cellTitle(text: string): string | undefined {
  if (text.length < TITLE_FROM) return undefined;
  return text.length > TITLE_MAX ? `${text.slice(0, TITLE_MAX)}…` : text;
}

/** `2024-01-05 13:45:00+00`; with `fraction`, the fraction of a second too (`13:45:00.123+00`). */
function timestampText(value: string, column: Column, fraction: boolean): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(value);
  if (!m) return value;
  const zone = m[4] === "Z" ? "+00" : (m[4] ?? "");
  return `${m[1]} ${m[2]}${fraction ? (m[3] ?? "") : ""}${column.dbType === "timestamptz" || m[4] ? zone : ""}`;
}

/**
 * Text a copy puts on the clipboard: numbers without separators (they paste into spreadsheets), timestamps
 * with their fraction of a second (the grid shows whole seconds; a pasted value must match the data), NULL
 * as empty.
 */
export function copyValue(value: unknown, column: Column): string {
  if (value === null || value === undefined) return "";
  if (column.type === "number") return String(value);
  if (column.type === "timestamp" && typeof value === "string") return timestampText(value, column, true);
  return displayValue(value, column);
}

export type SortDirection = "asc" | "desc";

function sortKey(value: unknown, column: Column): number | string | null {
  if (value === null || value === undefined) return null;
  if (column.type === "number") {
    const n = typeof value === "number" ? value : Number(value);
    return Number.isNaN(n) ? String(value) : n;
  }
  if ((column.type === "date" || column.type === "timestamp") && typeof value === "string") {
    const t = Date.parse(value);
    return Number.isNaN(t) ? value : t;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Row indexes in sorted order: numbers numerically, dates chronologically, text naturally; NULLs last either way. */
export function sortRows(rows: unknown[][], columnIndex: number, column: Column, direction: SortDirection): number[] {
  const keys = rows.map((r) => sortKey(r[columnIndex], column));
  const order = rows.map((_, i) => i);
  const sign = direction === "asc" ? 1 : -1;
  order.sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    let c: number;
    if (typeof x === "number" && typeof y === "number") c = x - y;
    else if (typeof x === "number") c = -1;
    else if (typeof y === "number") c = 1;
    else c = collator.compare(x, y);
    return c === 0 ? a - b : c * sign;
  });
  return order;
}
