// Number and value formatting shared by charts, the number tile and tables. Locale is fixed so the server,
// every browser and the snapshot renderer print the same text.
import type { VizConfig } from "./types";

export type NumberFormat = NonNullable<VizConfig["format"]>;

const LOCALE = "en-US";
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, options);
    formatters.set(key, f);
  }
  return f;
}

/** A number as text: "1,234.57", "$1,234.57", "25.6%"; compact for axis labels: "1.2K", "$3.4M". */
export function formatNumber(value: number, format: NumberFormat = "number", options: { compact?: boolean } = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const compact = options.compact === true && Math.abs(value) >= 1000;
  switch (format) {
    case "currency":
      if (compact) return formatter("currency-compact", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 }).format(value);
      return Number.isInteger(value)
        ? formatter("currency-int", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(value)
        : formatter("currency", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    case "percent":
      return formatter("percent", { style: "percent", maximumFractionDigits: 1 }).format(value);
    default:
      if (compact) return formatter("number-compact", { notation: "compact", maximumFractionDigits: 1 }).format(value);
      return formatter("number", { maximumFractionDigits: 2 }).format(value);
  }
}

/** A warehouse value as a number: numbers as they are, int8/numeric strings parsed; anything else null. */
export function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "" && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim())) {
    return Number(value);
  }
  return null;
}

/** A value for a chart tooltip or the number tile: numbers formatted, null as "–", the rest as text. */
export function formatValue(value: unknown, format: NumberFormat = "number"): string {
  if (value === null || value === undefined) return "–";
  const n = toNumber(value);
  if (n !== null) return formatNumber(n, format);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** A category label: null becomes "NULL" so it stays visible and distinct from the text "null". */
export function categoryLabel(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
