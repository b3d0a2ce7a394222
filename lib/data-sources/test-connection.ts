// "Test connection": opens one fresh connection with the given settings (never a pooled one, so unsaved
// settings are what is tested), asks the server for its version and says in words what failed.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { toPgClientConfig } from "@/lib/warehouse/pools";
import { classifyConnectionError } from "@/lib/warehouse/query-errors";
import type { ConnectionConfig } from "@/lib/warehouse/types";
import type { TestConnectionResult } from "./schemas";

/** How long the whole test (connect + `select version()`) may take. */
export const TEST_CONNECTION_TIMEOUT_MS = 10_000;

export function isRedshiftVersion(version: string): boolean {
  return /redshift/i.test(version);
}

export async function testConnection(config: ConnectionConfig, timeoutMs = TEST_CONNECTION_TIMEOUT_MS): Promise<TestConnectionResult> {
  const started = performance.now();
  const client = new pg.Client({
    ...toPgClientConfig(config),
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  // A connection that dies after the test must not crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
    const res = await client.query<{ version: string }>("select version() as version");
    const serverVersion = String(res.rows[0]?.version ?? "");
    return { ok: true, serverVersion, isRedshift: isRedshiftVersion(serverVersion), latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, ...classifyConnectionError(e, config) };
  } finally {
    await client.end().catch(() => {});
  }
}
