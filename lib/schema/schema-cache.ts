// In-memory cache of schema trees, per data source, per process. Kept on globalThis so Next's dev
// reloads share it; a saved or deleted data source is dropped from it.
import type { SchemaTree } from "./types";

export const SCHEMA_CACHE_TTL_MS = 10 * 60 * 1000;

interface Entry {
  tree: SchemaTree;
  expiresAt: number;
}

/** A load under way, and when it started (performance.now()). */
export interface SchemaLoad {
  startedAt: number;
  promise: Promise<SchemaTree>;
}

const g = globalThis as unknown as { spyglassSchemaCache?: Map<string, Entry>; spyglassSchemaLoads?: Map<string, SchemaLoad> };
export const schemaCache = (g.spyglassSchemaCache ??= new Map<string, Entry>());
/** Loads in flight, so simultaneous requests for one data source query the warehouse once. */
export const schemaLoads = (g.spyglassSchemaLoads ??= new Map<string, SchemaLoad>());

export function getCachedSchema(dataSourceId: string, now = Date.now()): SchemaTree | undefined {
  const entry = schemaCache.get(dataSourceId);
  if (!entry) return undefined;
  if (entry.expiresAt <= now) {
    schemaCache.delete(dataSourceId);
    return undefined;
  }
  return entry.tree;
}

export function setCachedSchema(dataSourceId: string, tree: SchemaTree, now = Date.now()): void {
  schemaCache.set(dataSourceId, { tree, expiresAt: now + SCHEMA_CACHE_TTL_MS });
}

export function invalidateSchemaCache(dataSourceId: string): void {
  schemaCache.delete(dataSourceId);
}
