// The pivot table of a query result: the values of some columns become row headers, others column headers,
// and each cell aggregates a numeric column over the rows that share them. Pure and deterministic: headers
// come in the order they first appear in the result.
import type { QueryResult, ResultColumn } from "@/lib/warehouse/types";
import { toNumber } from "./format";
import type { VizConfig } from "./types";

export type PivotSettings = NonNullable<VizConfig["pivot"]>;
export type PivotAggregate = NonNullable<PivotSettings["aggregate"]>;

export const PIVOT_MAX_ROWS = 200;
export const PIVOT_MAX_COLUMNS = 50;

export interface Pivot {
  /** Columns whose values are the row headers, outermost first (may be empty: one row). */
  rowFields: string[];
  /** Columns whose values are the column headers, outermost first (may be empty: one column). */
  columnFields: string[];
  /** The aggregated column; null when the result has none to aggregate (then rows are counted). */
  valueField: string | null;
  aggregate: PivotAggregate;
  /** One tuple of raw values per shown row, as long as rowFields. */
  rowHeaders: unknown[][];
  /** One tuple of raw values per shown column, as long as columnFields. */
  columnHeaders: unknown[][];
  /** cells[row][column]; null where no result row has that combination (or, except for count, no value). */
  cells: (number | null)[][];
  /** Totals over the underlying values (an average total is the average of all values, not of the cells). */
  totals?: {
    /** Per shown row, across every column (shown or not). */
    rows: (number | null)[];
    /** Per shown column, across every row (shown or not). */
    columns: (number | null)[];
    grand: number | null;
  };
  /** Row and column counts before the cap. */
  totalRows: number;
  totalColumns: number;
  /** Visible text such as "Showing the first 200 of 1,234 rows." */
  notes: string[];
}

export interface PivotOptions {
  maxRows?: number;
  maxColumns?: number;
}

/** Running aggregates of one group of values. */
interface Acc {
  /** Non-null values (what count counts). */
  n: number;
  /** Numeric values (what sum, avg, min and max use). */
  nums: number;
  sum: number;
  min: number;
  max: number;
}

const newAcc = (): Acc => ({ n: 0, nums: 0, sum: 0, min: Infinity, max: -Infinity });

function add(acc: Acc, raw: unknown, countRows: boolean) {
  if (countRows) {
    acc.n += 1;
    return;
  }
  if (raw === null || raw === undefined) return;
  acc.n += 1;
  const v = toNumber(raw);
  if (v === null) return;
  acc.nums += 1;
  acc.sum += v;
  if (v < acc.min) acc.min = v;
  if (v > acc.max) acc.max = v;
}

function valueOf(acc: Acc | undefined, aggregate: PivotAggregate): number | null {
  if (!acc) return null;
  if (aggregate === "count") return acc.n;
  if (acc.nums === 0) return null;
  switch (aggregate) {
    case "sum":
      return acc.sum;
    case "avg":
      return acc.sum / acc.nums;
    case "min":
      return acc.min;
    case "max":
      return acc.max;
  }
}

const isDimension = (c: ResultColumn) => c.type === "string" || c.type === "date" || c.type === "timestamp";

/** The fields a pivot uses: the settings where the result has those columns, defaults for the rest. */
export function resolvePivotFields(columns: ResultColumn[], settings: PivotSettings = {}) {
  const names = new Set(columns.map((c) => c.name));
  const known = (list: string[] | undefined) => (list ? [...new Set(list.filter((n) => names.has(n)))] : undefined);
  let rowFields = known(settings.rows);
  let columnFields = known(settings.columns);
  // Settings that name only columns the result no longer has count as unset.
  if (rowFields && rowFields.length === 0 && settings.rows!.length > 0) rowFields = undefined;
  if (columnFields && columnFields.length === 0 && settings.columns!.length > 0) columnFields = undefined;

  const taken = () => new Set([...(rowFields ?? []), ...(columnFields ?? [])]);
  if (rowFields === undefined) {
    const first = columns.find((c) => isDimension(c) && !taken().has(c.name));
    rowFields = first ? [first.name] : [];
  }
  if (columnFields === undefined) {
    const next = columns.find((c) => c.type === "string" && !taken().has(c.name));
    columnFields = next ? [next.name] : [];
  }
  const used = taken();
  let valueField: string | null = settings.value && names.has(settings.value) ? settings.value : null;
  if (valueField === null) valueField = columns.find((c) => c.type === "number" && !used.has(c.name))?.name ?? null;
  const aggregate: PivotAggregate = valueField === null ? "count" : (settings.aggregate ?? "sum");
  return { rowFields, columnFields, valueField, aggregate };
}

/**
 * Pivots `result` by `settings` (defaults: rows = the first text or date column, columns = the next text
 * column, value = the first numeric column, aggregate = sum, totals on). NULLs are ignored by every
 * aggregate; count counts non-null values. At most maxRows × maxColumns cells are returned, with a note.
 */
export function pivotOf(result: Pick<QueryResult, "columns" | "rows">, settings: PivotSettings = {}, options: PivotOptions = {}): Pivot {
  const maxRows = options.maxRows ?? PIVOT_MAX_ROWS;
  const maxColumns = options.maxColumns ?? PIVOT_MAX_COLUMNS;
  const { columns } = result;
  const { rowFields, columnFields, valueField, aggregate } = resolvePivotFields(columns, settings);
  const index = (name: string) => columns.findIndex((c) => c.name === name);
  const ri = rowFields.map(index);
  const ci = columnFields.map(index);
  const vi = valueField === null ? -1 : index(valueField);
  const countRows = vi < 0;

  const rowKeys = new Map<string, number>();
  const colKeys = new Map<string, number>();
  const rowTuples: unknown[][] = [];
  const colTuples: unknown[][] = [];
  const cellAccs = new Map<string, Acc>();
  const rowAccs: Acc[] = [];
  const colAccs: Acc[] = [];
  const grand = newAcc();

  const slot = (keys: Map<string, number>, tuples: unknown[][], accs: Acc[], tuple: unknown[]) => {
    const key = JSON.stringify(tuple);
    let i = keys.get(key);
    if (i === undefined) {
      i = tuples.length;
      keys.set(key, i);
      tuples.push(tuple);
      accs.push(newAcc());
    }
    return i;
  };

  for (const row of result.rows) {
    const r = slot(rowKeys, rowTuples, rowAccs, ri.map((i) => row[i] ?? null));
    const c = slot(colKeys, colTuples, colAccs, ci.map((i) => row[i] ?? null));
    const raw = countRows ? null : row[vi];
    const cellKey = `${r}:${c}`;
    let acc = cellAccs.get(cellKey);
    if (!acc) {
      acc = newAcc();
      cellAccs.set(cellKey, acc);
    }
    for (const a of [acc, rowAccs[r], colAccs[c], grand]) add(a, raw, countRows);
  }

  const shownRows = Math.min(rowTuples.length, maxRows);
  const shownCols = Math.min(colTuples.length, maxColumns);
  const cells: (number | null)[][] = [];
  for (let r = 0; r < shownRows; r++) {
    const line: (number | null)[] = [];
    for (let c = 0; c < shownCols; c++) line.push(valueOf(cellAccs.get(`${r}:${c}`), aggregate));
    cells.push(line);
  }

  const notes: string[] = [];
  const cut: string[] = [];
  const n = (x: number) => x.toLocaleString("en-US");
  if (rowTuples.length > shownRows) cut.push(`the first ${n(shownRows)} of ${n(rowTuples.length)} rows`);
  if (colTuples.length > shownCols) cut.push(`the first ${n(shownCols)} of ${n(colTuples.length)} columns`);
  if (cut.length > 0) notes.push(`Showing ${cut.join(" and ")}.`);

  const pivot: Pivot = {
    rowFields,
    columnFields,
    valueField,
    aggregate,
    rowHeaders: rowTuples.slice(0, shownRows),
    columnHeaders: colTuples.slice(0, shownCols),
    cells,
    totalRows: rowTuples.length,
    totalColumns: colTuples.length,
    notes,
  };
  if (settings.totals ?? true) {
    pivot.totals = {
      rows: rowAccs.slice(0, shownRows).map((a) => valueOf(a, aggregate)),
      columns: colAccs.slice(0, shownCols).map((a) => valueOf(a, aggregate)),
      grand: result.rows.length > 0 ? valueOf(grand, aggregate) : null,
    };
  }
  return pivot;
}

/** "Sum of revenue", "Count of rows". */
export function pivotValueLabel(pivot: Pick<Pivot, "aggregate" | "valueField">): string {
  const what = pivot.valueField ?? "rows";
  const names: Record<PivotAggregate, string> = { sum: "Sum", count: "Count", avg: "Average", min: "Minimum", max: "Maximum" };
  return `${names[pivot.aggregate]} of ${what}`;
}
