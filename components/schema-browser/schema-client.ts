// Client-side access to a data source's schema tree, shared by the schema browser and the editor's
// autocomplete: one request per data source, then served from memory until someone refreshes.
import type { SchemaTree } from "@/lib/schema/types";

export type { SchemaTree } from "@/lib/schema/types";

const trees = new Map<string, SchemaTree>();
const loading = new Map<string, Promise<SchemaTree>>();
const listeners = new Set<(dataSourceId: string, tree: SchemaTree) => void>();

/** The schema tree of a data source; `refresh` asks the server to read it from the warehouse again. */
export function fetchSchemaTree(dataSourceId: string, refresh = false): Promise<SchemaTree> {
  if (!refresh) {
    const known = trees.get(dataSourceId);
    if (known) return Promise.resolve(known);
    const inFlight = loading.get(dataSourceId);
    if (inFlight) return inFlight;
  }
  const url = `/api/data-sources/${encodeURIComponent(dataSourceId)}/schema${refresh ? "?refresh=1" : ""}`;
  const load = fetch(url, { headers: { accept: "application/json" } })
    .then(async (res) => {
      const body = (await res.json().catch(() => null)) as (SchemaTree & { error?: { message?: string } }) | null;
      if (!res.ok || !body || !Array.isArray(body.schemas)) {
        throw new Error(body?.error?.message ?? `Loading the schema failed (HTTP ${res.status}).`);
      }
      trees.set(dataSourceId, body);
      for (const l of listeners) l(dataSourceId, body);
      return body;
    })
    .finally(() => {
      if (loading.get(dataSourceId) === load) loading.delete(dataSourceId);
    });
  loading.set(dataSourceId, load);
  return load;
}

/** The tree already loaded in this page, if any (synchronous, for autocomplete). */
export function peekSchemaTree(dataSourceId: string): SchemaTree | undefined {
  return trees.get(dataSourceId);
}

/** Called whenever a tree is (re)loaded; returns an unsubscribe. */
export function onSchemaTreeLoaded(listener: (dataSourceId: string, tree: SchemaTree) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
