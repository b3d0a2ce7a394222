import { decryptJson } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";
import type { ConnectionConfig } from "@/lib/warehouse/types";

/** A data source's decrypted connection settings and query limits. Server-only; never send this to a browser. */
export interface DataSourceRuntime {
  id: string;
  name: string;
  kind: "POSTGRES" | "REDSHIFT";
  config: ConnectionConfig;
  statementTimeoutMs: number;
  rowLimit: number;
  maxConcurrency: number;
}

export async function getDataSourceRuntime(dataSourceId: string): Promise<DataSourceRuntime> {
  const ds = await getDb().dataSource.findUnique({
    where: { id: dataSourceId },
    omit: { encryptedConfig: false },
  });
  if (!ds) throw notFound("Data source");
  let config: ConnectionConfig;
  try {
    config = decryptJson<ConnectionConfig>(ds.encryptedConfig, getRuntimeEnv().ENCRYPTION_KEY);
  } catch {
    // Wrong ENCRYPTION_KEY or corrupt data: say so without leaking anything.
    throw new Error(`The connection settings of data source "${ds.name}" could not be decrypted. Was ENCRYPTION_KEY changed?`);
  }
  return {
    id: ds.id,
    name: ds.name,
    kind: ds.kind,
    config,
    statementTimeoutMs: ds.statementTimeoutMs,
    rowLimit: ds.rowLimit,
    maxConcurrency: ds.maxConcurrency,
  };
}

/** The decrypted connection settings of a data source. */
export async function getConnectionConfig(dataSourceId: string): Promise<ConnectionConfig> {
  return (await getDataSourceRuntime(dataSourceId)).config;
}
