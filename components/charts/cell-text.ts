// How a value reads in the chart's HTML tables (table, pivot, the "Data" view): numbers in the chart's
// value format, dates in its date format. Fixed locale and UTC, so snapshots read the same everywhere.
import { formatCell } from "@/lib/charts/format-cell";
import { formatNumber, valueFormatOf, type ValueFormatOptions } from "@/lib/charts/format";
import { toEpochMs } from "@/lib/charts/time";
import type { VizConfig } from "@/lib/charts/types";
import type { ResultColumn } from "@/lib/warehouse/types";

export type DateFormat = NonNullable<VizConfig["dateFormat"]>;

export interface CellTextOptions {
  /** The format of numbers; null prints them plainly (grouped, up to 10 decimals). */
  valueFormat?: ValueFormatOptions | null;
  dateFormat?: DateFormat;
}

const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 10 });
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The value format a table applies: only when the chart's settings ask for one. */
export function tableValueFormat(config: VizConfig | undefined): ValueFormatOptions | null {
  if (!config || (config.format === undefined && config.decimals === undefined && config.currency === undefined)) return null;
  return valueFormatOf(config);
}

/** A date or timestamp in a date format ("auto" keeps dates as the warehouse wrote them). */
export function dateText(value: unknown, column: Pick<ResultColumn, "type">, dateFormat: DateFormat = "auto"): string {
  const t = dateFormat === "auto" ? null : toEpochMs(value);
  if (t === null) return formatCell(value, column);
  const d = new Date(t);
  switch (dateFormat) {
    case "week": {
      // Weeks start on Monday (ISO), as date_trunc('week', ...) does.
      const monday = new Date(t - ((d.getUTCDay() + 6) % 7) * 86_400_000);
      return `Week of ${ymd(monday)}`;
    }
    case "month":
      return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    case "quarter":
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
    case "year":
      return String(d.getUTCFullYear());
    case "datetime":
      return `${ymd(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    default:
      return ymd(d);
  }
}

/** The text of a non-null cell. */
export function cellText(value: unknown, column: Pick<ResultColumn, "type">, options: CellTextOptions = {}): string {
  if (value === null || value === undefined) return "NULL";
  // Numbers the warehouse sent as strings (int8/numeric beyond double precision) stay exact.
  if (typeof value === "number") return options.valueFormat ? formatNumber(value, options.valueFormat) : plain.format(value);
  if (column.type === "date" || column.type === "timestamp") return dateText(value, column, options.dateFormat);
  return formatCell(value, column);
}
