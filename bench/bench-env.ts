// Shared set-up of the query benchmarks: a fresh embedded PostgreSQL with a migrated app DB, a warehouse
// database and a data source pointing at it. Sets process.env before any lib module reads it.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/launcher/embedded-postgres";
import { applyMigrations } from "@/lib/launcher/migrate";

export async function startBenchEnv(opts: { port?: number; schema?: string }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "spyglass-bench-"));
  chmodSync(dir, 0o755);
  const port = opts.port ?? 54530;
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port, password: "bench" });
  await server.ensureDatabase("spyglass");
  await server.ensureDatabase("warehouse");
  // The benchmark is its own launcher: like lib/testing/global-setup.ts it provides the settings lib/env.ts reads.
  // eslint-disable-next-line no-restricted-properties
  Object.assign(process.env, {
    DATABASE_URL: server.url("spyglass"),
    DEMO_WAREHOUSE_URL: server.url("warehouse"),
    REDIS_URL: "redis://127.0.0.1:1",
    AUTH_SECRET: randomBytes(32).toString("hex"),
    ENCRYPTION_KEY: randomBytes(32).toString("hex"),
  });
  await applyMigrations(server.url("spyglass"));
  const { createDataSource } = await import("@/lib/data-sources/create-data-source");
  const { connectionFromUrl } = await import("@/lib/warehouse/connection-from-url");
  const ds = await createDataSource({
    name: "Bench warehouse",
    kind: "POSTGRES",
    config: connectionFromUrl(server.url("warehouse"), opts.schema),
    statementTimeoutMs: 600_000,
    rowLimit: 1_000_000,
  });
  return {
    warehouseUrl: server.url("warehouse"),
    dataSourceId: ds.id,
    async stop() {
      const { closeAllPools } = await import("@/lib/warehouse/pools");
      const { disconnectDb } = await import("@/lib/db");
      await closeAllPools();
      await disconnectDb();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
