// Number and value formatting shared by charts, the number tile and tables. Locale is fixed so the server,
// every browser and the snapshot renderer print the same text.
import type { ValueFormat, VizConfig } from "./types";

export type NumberFormat = ValueFormat;

/** How a chart prints its values: the kind, the currency (ISO code, default USD) and fixed decimals. */
export interface ValueFormatOptions {
  format?: ValueFormat;
  currency?: string;
  /** Fixed decimal places; automatic when undefined. */
  decimals?: number;
}

/** The value format a chart's settings ask for. */
export function valueFormatOf(config: Pick<VizConfig, "format" | "currency" | "decimals">): ValueFormatOptions {
  return { format: config.format ?? "number", currency: config.currency, decimals: config.decimals };
}

const LOCALE = "en-US";
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, options);
    formatters.set(key, f);
  }
  return f;
}

/** A plain format name ("currency") or full options. */
function optionsOf(fmt: NumberFormat | ValueFormatOptions | undefined): ValueFormatOptions {
  return typeof fmt === "string" ? { format: fmt } : (fmt ?? {});
}

/** A number as text: "1,234.57", "$1,234.57", "25.6%"; compact for axis labels: "1.2K", "$3.4M". */
export function formatNumber(value: number, fmt: NumberFormat | ValueFormatOptions = "number", options: { compact?: boolean } = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const { format = "number", currency = "USD", decimals } = optionsOf(fmt);
  const compact = options.compact === true && Math.abs(value) >= 1000;
  const fixed = decimals !== undefined && !compact ? { minimumFractionDigits: decimals, maximumFractionDigits: decimals } : null;
  switch (format) {
    case "currency":
      if (compact) return formatter({ style: "currency", currency, notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(value);
      if (fixed) return formatter({ style: "currency", currency, ...fixed }).format(value);
      return Number.isInteger(value)
        ? formatter({ style: "currency", currency, maximumFractionDigits: 0 }).format(value)
        : formatter({ style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    case "percent":
      return formatter({ style: "percent", ...(fixed ?? { maximumFractionDigits: 1 }) }).format(value);
    default:
      if (compact) return formatter({ notation: "compact", maximumFractionDigits: 1 }).format(value);
      return formatter(fixed ?? { maximumFractionDigits: 2 }).format(value);
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
export function formatValue(value: unknown, format: NumberFormat | ValueFormatOptions = "number"): string {
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
