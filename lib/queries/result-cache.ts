// The last results of warehouse queries, in this process's memory, bounded by their total size (LRU).
import type { QueryResult } from "@/lib/warehouse/types";

export interface CachedResult {
  result: QueryResult;
  computedAt: Date;
}

interface Entry extends CachedResult {
  size: number;
  /** Whose result it is (a data source id), so that all of one source's results can be forgotten. */
  owner?: string;
}

/** Total size of the cached results, estimated as the length of their JSON. */
export const RESULT_CACHE_MAX_BYTES = 64 * 1024 * 1024;

export class ResultCache {
  private entries = new Map<string, Entry>();
  private total = 0;

  constructor(private readonly maxBytes = RESULT_CACHE_MAX_BYTES) {}

  get(key: string): CachedResult | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { result: entry.result, computedAt: entry.computedAt };
  }

  /** Stores `value` under `key`; `owner` (a data source id) lets deleteOwnedBy forget it with its owner's others. */
  set(key: string, value: CachedResult, owner?: string): void {
    this.delete(key);
    const size = estimateSize(value.result);
    if (size > this.maxBytes) return;
    this.entries.set(key, { ...value, size, owner });
    this.total += size;
    for (const [k, e] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(k);
      this.total -= e.size;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.size;
  }

  /** Forgets every result stored with `owner`. */
  deleteOwnedBy(owner: string): void {
    for (const [key, entry] of this.entries) if (entry.owner === owner) this.delete(key);
  }

  get bytes(): number {
    return this.total;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}

/** Rows serialized to estimate a large result's size: every row up to this many, else an even sample. */
const SIZE_SAMPLE_ROWS = 1_000;

/**
 * The length of the result's JSON: exact up to SIZE_SAMPLE_ROWS rows, extrapolated from evenly spaced rows
 * beyond. Every run is cached, so serializing 100,000 rows only to weigh them cost as much as the response.
 */
export function estimateSize(result: QueryResult): number {
  const { rows } = result;
  const columns = JSON.stringify(result.columns).length;
  if (rows.length <= SIZE_SAMPLE_ROWS) return JSON.stringify(rows).length + columns;
  const step = rows.length / SIZE_SAMPLE_ROWS;
  let sampled = 0;
  for (let i = 0; i < SIZE_SAMPLE_ROWS; i++) {
    // One row from each stretch of `step` rows, at a position that moves (golden-ratio steps), so rows that
    // repeat with a period (every 10th, 50th...) are not always sampled at the same phase.
    const jitter = (i * 0.6180339887) % 1;
    sampled += JSON.stringify(rows[Math.floor((i + jitter) * step)]).length + 1; // + the comma
  }
  return Math.round((sampled * rows.length) / SIZE_SAMPLE_ROWS) + 1 + columns; // + the brackets
}
