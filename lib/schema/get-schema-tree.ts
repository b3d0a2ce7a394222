// The schemas, tables and columns of a data source, for the schema browser and autocomplete.
import type pg from "pg";
import { getDataSourceRuntime, type DataSourceRuntime } from "@/lib/data-sources/get-connection-config";
import { acquireSlot } from "@/lib/warehouse/concurrency-slots";
import { getPool } from "@/lib/warehouse/pools";
import { translateConnectError, translateQueryError } from "@/lib/warehouse/query-errors";
import { buildSchemaNodes } from "./build-tree";
import { introspectionPlan } from "./introspection-sql";
import { getCachedSchema, schemaLoads, setCachedSchema } from "./schema-cache";
import type { SchemaTree } from "./types";

/**
 * The cached tree, else one load shared by every caller. A refresh is asked for because the warehouse changed
 * (a table just created): it shares only a load that started after it was asked for, and otherwise waits for
 * the load under way and starts its own, so it never answers with a tree read before the change.
 */
export async function getSchemaTree(dataSourceId: string, opts: { refresh?: boolean } = {}): Promise<SchemaTree> {
  const requestedAt = performance.now();
  if (!opts.refresh) {
    const cached = getCachedSchema(dataSourceId);
    if (cached) return cached;
  }
  let inFlight = schemaLoads.get(dataSourceId);
  if (inFlight && opts.refresh && inFlight.startedAt < requestedAt) {
    await inFlight.promise.catch(() => undefined);
    inFlight = schemaLoads.get(dataSourceId);
  }
  if (inFlight && (!opts.refresh || inFlight.startedAt >= requestedAt)) return inFlight.promise;
  const load = { startedAt: performance.now(), promise: loadSchemaTree(dataSourceId) };
  schemaLoads.set(dataSourceId, load);
  void load.promise.finally(() => {
    if (schemaLoads.get(dataSourceId) === load) schemaLoads.delete(dataSourceId);
  }).catch(() => undefined);
  return load.promise;
}

async function loadSchemaTree(dataSourceId: string): Promise<SchemaTree> {
  const ds = await getDataSourceRuntime(dataSourceId);
  // Same pool options as query execution, so both share one pool instead of replacing each other's.
  const { pool } = getPool(ds.id, ds.config, { maxConnections: ds.maxConcurrency });
  // Introspection is a warehouse query like any other: it counts against the data source's maximum of
  // concurrent queries across processes (no signal: one load serves every caller waiting on it).
  const slot = await acquireSlot(ds.id, ds.maxConcurrency);
  try {
    return await introspect(dataSourceId, ds, pool);
  } finally {
    await slot.release();
  }
}

async function introspect(dataSourceId: string, ds: DataSourceRuntime, pool: pg.Pool): Promise<SchemaTree> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (e) {
    throw translateConnectError(e, ds.config);
  }
  const timeoutMs = Math.max(1, Math.floor(ds.statementTimeoutMs));
  const plan = introspectionPlan(ds.kind);
  let broken: Error | undefined;
  try {
    // Read-only, with the data source's timeout; both vanish with the ROLLBACK (Redshift accepts these too).
    await client.query(`BEGIN READ ONLY; SET LOCAL statement_timeout = ${timeoutMs}`);
    const res = await client.query<Record<string, unknown>>(plan.sql);
    const tree: SchemaTree = { schemas: buildSchemaNodes(res.rows.map(plan.mapRow)), cachedAt: new Date().toISOString() };
    setCachedSchema(dataSourceId, tree);
    return tree;
  } catch (e) {
    throw translateQueryError(e, { timeoutMs });
  } finally {
    try {
      await client.query("ROLLBACK");
    } catch (e) {
      broken = e instanceof Error ? e : new Error(String(e));
    }
    client.release(broken);
  }
}
