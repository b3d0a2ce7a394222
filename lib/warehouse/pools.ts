// One pg.Pool per data source, reused across queries. The key includes a hash of the connection settings,
// so editing a data source takes effect on the next query (the old pool is closed).
import { createHash } from "node:crypto";
import pg from "pg";
import { warehouseTypes } from "./pg-types";
import type { ConnectionConfig } from "./types";

export interface PoolEntry {
  key: string;
  pool: pg.Pool;
  /** Names of non-builtin type OIDs seen on this server (enums, domains, extension types). */
  typeNames: Map<number, string>;
}

const globalForPools = globalThis as unknown as { spyglassWarehousePools?: Map<string, PoolEntry> };
const pools = (globalForPools.spyglassWarehousePools ??= new Map<string, PoolEntry>());

export interface PoolOptions {
  maxConnections?: number;
}

/** How long opening a TCP/TLS connection to a warehouse may take. */
export const CONNECT_TIMEOUT_MS = 10_000;

/**
 * pg-pool uses one connectionTimeoutMillis both for opening a connection and for waiting for a free one.
 * Waiting for a free connection must not fail a queued query (the statement timeout bounds how long each
 * query holds one), so the pool waits without limit and only the connection attempt itself times out.
 */
class WarehouseClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    // pg-pool keeps the password non-enumerable (so it is never logged): a spread would drop it.
    super({ ...config, password: config?.password, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

export function poolKey(config: ConnectionConfig, options: PoolOptions = {}): string {
  return createHash("sha256")
    .update(JSON.stringify([config.host, config.port, config.database, config.user, config.password, config.sslMode, config.sslCa ?? null, options.maxConnections ?? null]))
    .digest("hex")
    .slice(0, 16);
}

export function toPgClientConfig(config: ConnectionConfig): pg.ClientConfig {
  return {
    host: config.host,
    port: config.port,
    database: config.database,
    user: config.user,
    password: config.password,
    ssl:
      config.sslMode === "disable"
        ? false
        : config.sslMode === "require"
          ? { rejectUnauthorized: false }
          : { rejectUnauthorized: true, ...(config.sslCa ? { ca: config.sslCa } : {}) },
    application_name: "spyglass",
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Only warehouse connections get these parsers; pg's global ones (used by Prisma's adapter) stay as they are.
    types: warehouseTypes,
  };
}

/** The pool for a data source, created on first use or when its settings changed. */
export function getPool(dataSourceId: string, config: ConnectionConfig, options: PoolOptions = {}): PoolEntry {
  const key = poolKey(config, options);
  const existing = pools.get(dataSourceId);
  if (existing && existing.key === key) return existing;
  if (existing) {
    pools.delete(dataSourceId);
    void existing.pool.end().catch((e: unknown) => console.error(`Closing the old pool of data source ${dataSourceId} failed:`, e));
  }
  const pool = new pg.Pool({
    ...toPgClientConfig(config),
    max: options.maxConnections ?? 4,
    idleTimeoutMillis: 60_000,
    connectionTimeoutMillis: 0,
    Client: WarehouseClient,
  });
  // An idle client that loses its connection emits here; without a listener the process would crash.
  pool.on("error", (e) => console.error(`Warehouse connection of data source ${dataSourceId} failed while idle: ${e.message}`));
  const entry: PoolEntry = { key, pool, typeNames: new Map() };
  pools.set(dataSourceId, entry);
  return entry;
}

/** Closes the pool of one data source, so its next query connects with the current settings (after an edit or delete). */
export function dropPool(dataSourceId: string): void {
  const existing = pools.get(dataSourceId);
  if (!existing) return;
  pools.delete(dataSourceId);
  // Queries still running finish on the old pool, which then closes; nobody waits for them here.
  void existing.pool.end().catch((e: unknown) => console.error(`Closing the pool of data source ${dataSourceId} failed:`, e));
}

/** Closes every warehouse pool (shutdown, tests). */
export async function closeAllPools(): Promise<void> {
  const entries = [...pools.values()];
  pools.clear();
  await Promise.allSettled(entries.map((e) => e.pool.end()));
}
