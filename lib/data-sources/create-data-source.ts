import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { encryptJson } from "@/lib/crypto/secret-box";
import type { ConnectionConfig } from "@/lib/warehouse/types";
import { createDataSourceSchema, type CreateDataSourceInput, type DataSourceSummary } from "./schemas";

/** Stores a data source with its connection settings encrypted at rest. */
export async function createDataSource(input: CreateDataSourceInput): Promise<DataSourceSummary> {
  const parsed = createDataSourceSchema.parse(input);
  const config: ConnectionConfig = parsed.config;
  const db = getDb();
  const clash = await db.dataSource.findUnique({ where: { name: parsed.name }, select: { id: true } });
  if (clash) throw new AppError("CONFLICT", `A data source named "${parsed.name}" already exists.`);
  const created = await db.dataSource.create({
    data: {
      name: parsed.name,
      kind: parsed.kind,
      encryptedConfig: encryptJson(config, getRuntimeEnv().ENCRYPTION_KEY),
      isDemo: parsed.isDemo ?? false,
      ...(parsed.statementTimeoutMs !== undefined ? { statementTimeoutMs: parsed.statementTimeoutMs } : {}),
      ...(parsed.rowLimit !== undefined ? { rowLimit: parsed.rowLimit } : {}),
      ...(parsed.maxConcurrency !== undefined ? { maxConcurrency: parsed.maxConcurrency } : {}),
    },
    select: { id: true, name: true, kind: true, isDemo: true },
  });
  return created;
}
