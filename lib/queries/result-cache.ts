// The last results of warehouse queries, in this process's memory, bounded by their total size (LRU).
import type { QueryResult } from "@/lib/warehouse/types";

export interface CachedResult {
  result: QueryResult;
  computedAt: Date;
}

interface Entry extends CachedResult {
  size: number;
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

  set(key: string, value: CachedResult, size = estimateSize(value.result)): void {
    this.delete(key);
    if (size > this.maxBytes) return;
    this.entries.set(key, { ...value, size });
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

  get bytes(): number {
    return this.total;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}

export function estimateSize(result: QueryResult): number {
  return JSON.stringify(result.rows).length + JSON.stringify(result.columns).length;
}
