// The big number (KPI) tile: the value, its change against the previous period and a sparkline, read from a
// query result. Pure, so the dashboard, the share page and the snapshot all show the same text.
import type { QueryResult, ResultColumn } from "@/lib/warehouse/types";
import { formatCell } from "./format-cell";
import { formatNumber, formatValue, toNumber, valueFormatOf } from "./format";
import { toEpochMs } from "./time";
import type { VizConfig } from "./types";

/** The sparkline shows at most this many of the latest periods. */
export const SPARKLINE_MAX_POINTS = 200;

export interface BigNumberChange {
  /** value − previous. */
  absolute: number;
  /** (value − previous) / |previous|; null when previous is 0. */
  relative: number | null;
  direction: "up" | "down" | "flat";
  /** Whether the change is good news (increaseIsGood decides); null when flat. */
  good: boolean | null;
  /** "+12.3% vs previous period"; the absolute change when there is no relative one. */
  text: string;
}

export interface BigNumber {
  /** The value column's name. */
  label: string;
  value: number | null;
  formatted: string;
  /** The latest period, as text, when the value comes from a dated series. */
  period?: string;
  /** The period before the latest one (null when its value is NULL); absent without a comparison. */
  previous?: number | null;
  previousFormatted?: string;
  change?: BigNumberChange;
  /** The values in date order (the last SPARKLINE_MAX_POINTS), when there are two or more. */
  sparkline?: number[];
}

const isTemporal = (c: ResultColumn) => c.type === "date" || c.type === "timestamp";

/**
 * The big number of a result:
 * - value column: config.y[0] (when the result has it), else the first numeric column, else the first column;
 * - with a date column (config.x when it is one, else the first date/timestamp column) and more than one row,
 *   rows are put in date order: the value is the latest period's, the previous the one before it, and the
 *   sparkline is every value in date order;
 * - otherwise the first row's value, with no comparison;
 * - comparison "none" turns off the change and the sparkline.
 */
export function bigNumberOf(result: Pick<QueryResult, "columns" | "rows">, config: VizConfig = {}): BigNumber {
  const { columns, rows } = result;
  const fmt = valueFormatOf(config);
  const byName = (name: string | undefined) => (name ? columns.findIndex((c) => c.name === name) : -1);

  let vi = byName(config.y?.[0]);
  if (vi < 0) vi = columns.findIndex((c) => c.type === "number");
  if (vi < 0) vi = columns.length > 0 ? 0 : -1;
  const label = columns[vi]?.name ?? "";
  if (vi < 0 || rows.length === 0) return { label, value: null, formatted: formatValue(null, fmt) };

  let di = byName(config.x);
  if (di >= 0 && !isTemporal(columns[di])) di = -1;
  if (di < 0) di = columns.findIndex(isTemporal);

  const single = (row: unknown[]): BigNumber => ({ label, value: toNumber(row[vi]), formatted: formatValue(row[vi], fmt) });
  if (di < 0 || rows.length === 1) return single(rows[0]);

  // Date order; rows without a date are left out, rows on the same date keep the query's order.
  const dated = rows
    .map((row, i) => ({ row, t: toEpochMs(row[di]), i }))
    .filter((r): r is { row: unknown[]; t: number; i: number } => r.t !== null)
    .sort((a, b) => a.t - b.t || a.i - b.i);
  if (dated.length === 0) return single(rows[0]);

  const latest = dated[dated.length - 1].row;
  const out: BigNumber = { ...single(latest), period: formatCell(latest[di], columns[di]) };
  if (config.comparison === "none" || dated.length < 2) return out;

  const previousRaw = dated[dated.length - 2].row[vi];
  const previous = toNumber(previousRaw);
  out.previous = previous;
  out.previousFormatted = formatValue(previousRaw, fmt);
  if (out.value !== null && previous !== null) out.change = changeOf(out.value, previous, config);

  const series = dated.map((d) => toNumber(d.row[vi])).filter((v): v is number => v !== null);
  if (series.length >= 2) out.sparkline = series.slice(-SPARKLINE_MAX_POINTS);
  return out;
}

function changeOf(value: number, previous: number, config: VizConfig): BigNumberChange {
  const absolute = value - previous;
  const relative = previous === 0 ? null : absolute / Math.abs(previous);
  const direction = absolute > 0 ? "up" : absolute < 0 ? "down" : "flat";
  const increaseIsGood = config.increaseIsGood ?? true;
  const good = direction === "flat" ? null : (direction === "up") === increaseIsGood;
  const sign = direction === "up" ? "+" : direction === "down" ? "-" : "";
  const amount =
    relative !== null ? formatNumber(Math.abs(relative), { format: "percent", decimals: 1 }) : formatNumber(Math.abs(absolute), valueFormatOf(config));
  const text = direction === "flat" ? "No change vs previous period" : `${sign}${amount} vs previous period`;
  return { absolute, relative, direction, good, text };
}

/**
 * The `points` of an SVG polyline drawing `values` in a width × height box (y grows downwards), inset by
 * `pad` vertically so the stroke is not clipped. A constant series is a flat line through the middle.
 * Rounded to two decimals so the markup is the same on every machine.
 */
export function sparklinePoints(values: readonly number[], width: number, height: number, pad = 2): string {
  if (values.length === 0) return "";
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  const inner = height - 2 * pad;
  const round = (n: number) => String(Math.round(n * 100) / 100);
  return values
    .map((v, i) => {
      const x = values.length === 1 ? width / 2 : (i / (values.length - 1)) * width;
      const y = span === 0 ? height / 2 : pad + (1 - (v - min) / span) * inner;
      return `${round(x)},${round(y)}`;
    })
    .join(" ");
}
