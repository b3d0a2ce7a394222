// The values of a drop-down filter: the first column of its options query, distinct, in the query's order,
// capped. Run read-only with the data source's timeout and pool, and kept a few minutes in this process so
// opening a dashboard does not run it every time; identical lookups in flight run once.
import { createHash } from "node:crypto";
import { AppError, notFound } from "@/lib/errors";
import { prepareQuery } from "@/lib/queries/prepare-query";
import { runQuery } from "@/lib/warehouse/run-query";
import { filtersOf, type SelectFilter } from "./schema";

/** Most values a drop-down offers. */
export const MAX_FILTER_OPTIONS = 1_000;
/** Rows read from the options query to find them (duplicates allowed for). */
const OPTIONS_ROW_LIMIT = 20_000;
export const FILTER_OPTIONS_TTL_MS = 5 * 60_000;
const MAX_CACHED_LISTS = 500;

export interface FilterOptions {
  values: string[];
  /** True when the query had more distinct values than MAX_FILTER_OPTIONS (or more rows than were read). */
  truncated: boolean;
  /** When the values were read (ISO). */
  computedAt: string;
}

interface CacheState {
  lists: Map<string, { options: FilterOptions; expires: number }>;
  flights: Map<string, Promise<FilterOptions>>;
}
const globalForOptions = globalThis as unknown as { spyglassFilterOptions?: CacheState };
const state = (globalForOptions.spyglassFilterOptions ??= { lists: new Map(), flights: new Map() });

/** A cell as a drop-down value: text as is, numbers and booleans as written, null left out. */
function optionText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return JSON.stringify(v);
}

export function distinctOptions(rows: unknown[][], max = MAX_FILTER_OPTIONS): { values: string[]; truncated: boolean } {
  const seen = new Set<string>();
  for (const row of rows) {
    const text = optionText(row[0]);
    if (text === null || text === "" || seen.has(text)) continue;
    if (seen.size === max) return { values: [...seen], truncated: true };
    seen.add(text);
  }
  return { values: [...seen], truncated: false };
}

async function readOptions(source: SelectFilter["options"]): Promise<FilterOptions> {
  const prepared = await prepareQuery({ sql: source.sql });
  const result = await runQuery({ dataSourceId: source.dataSourceId, sql: prepared.text, params: prepared.values, rowLimit: OPTIONS_ROW_LIMIT });
  if (result.columns.length === 0) throw new AppError("QUERY_FAILED", "The options query returns no columns: select the values in its first column.");
  const { values, truncated } = distinctOptions(result.rows);
  return { values, truncated: truncated || result.truncated, computedAt: new Date().toISOString() };
}

/** The values of one drop-down filter's options query (cached for FILTER_OPTIONS_TTL_MS). */
export async function getFilterOptions(source: SelectFilter["options"], now = Date.now()): Promise<FilterOptions> {
  const key = createHash("sha256").update(JSON.stringify([source.dataSourceId, source.sql])).digest("hex");
  const hit = state.lists.get(key);
  if (hit && hit.expires > now) return hit.options;
  let flight = state.flights.get(key);
  if (!flight) {
    flight = readOptions(source)
      .then((options) => {
        state.lists.delete(key);
        state.lists.set(key, { options, expires: Date.now() + FILTER_OPTIONS_TTL_MS });
        // Oldest first in a Map: drop those beyond the bound.
        for (const k of state.lists.keys()) {
          if (state.lists.size <= MAX_CACHED_LISTS) break;
          state.lists.delete(k);
        }
        return options;
      })
      .finally(() => state.flights.delete(key));
    state.flights.set(key, flight);
  }
  return flight;
}

/** The options of the drop-down filter `name` as saved on a dashboard; NOT_FOUND when it has no such filter. */
export async function getDashboardFilterOptions(dashboard: { filters: unknown }, name: string): Promise<FilterOptions> {
  const filter = filtersOf(dashboard.filters).find((f) => f.name === name);
  if (!filter || filter.type !== "select") throw notFound("Drop-down filter");
  return getFilterOptions(filter.options);
}
