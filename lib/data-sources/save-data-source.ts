// Creating and editing data sources from the admin form. Secrets left empty on an edit keep the stored
// ones; the server's kind (PostgreSQL or Redshift) is detected from `select version()` when reachable.
import { encryptJson } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { invalidateSchemaCache } from "@/lib/schema/schema-cache";
import { forgetCachedResults } from "@/lib/queries/execute-query";
import { dropPool } from "@/lib/warehouse/pools";
import type { ConnectionConfig } from "@/lib/warehouse/types";
import { getDataSourceRuntime } from "./get-connection-config";
import {
  dataSourceFormSchema,
  testConnectionBodySchema,
  type DataSourceForm,
  type DataSourceFormInput,
  type SaveDataSourceResult,
  type TestConnectionBody,
  type TestConnectionResult,
} from "./schemas";
import { joinWithAnd } from "@/lib/text/join-with-and";
import { testConnection } from "./test-connection";

const kindLabel = { POSTGRES: "PostgreSQL", REDSHIFT: "Amazon Redshift" } as const;

/**
 * The connection settings of a form; empty secrets are taken from `stored` (an existing source's settings).
 * The stored password goes only to the server and user it was saved for: a form that changed the host, the
 * port or the user must type it again, or anyone who may edit the form could point it at a server of theirs
 * that asks for the password in clear text, and read it there.
 */
export function configFromForm(form: DataSourceForm, stored?: ConnectionConfig): ConnectionConfig {
  if (form.password === "" && stored && stored.password !== "") {
    const changed = [
      form.host.toLowerCase() !== stored.host.toLowerCase() ? "host" : null,
      form.port !== stored.port ? "port" : null,
      form.user !== stored.user ? "user" : null,
    ].filter((x): x is string => x !== null);
    if (changed.length > 0) {
      const what = `the ${joinWithAnd(changed)}`;
      throw new AppError(
        "INVALID",
        `Type the password again: ${what} changed, and the stored password is only sent to the server and user it was saved for.`,
        { field: "password" },
      );
    }
  }
  const password = form.password !== "" ? form.password : (stored?.password ?? "");
  const sslCa = form.sslCa ?? stored?.sslCa;
  return {
    host: form.host,
    port: form.port,
    database: form.database,
    user: form.user,
    password,
    sslMode: form.sslMode,
    // A CA certificate only means something for verify-full; keep it stored so switching back does not lose it.
    ...(sslCa ? { sslCa } : {}),
    ...(form.defaultSchema ? { defaultSchema: form.defaultSchema } : {}),
  };
}

/** Connects once to learn the server's kind; the admin's choice stands when the server cannot be reached. */
async function detectKind(form: DataSourceForm, config: ConnectionConfig): Promise<{ kind: DataSourceForm["kind"]; warnings: string[] }> {
  const result = await testConnection(config);
  if (!result.ok) {
    return { kind: form.kind, warnings: [`Saved, but Spyglass could not connect: ${result.message}`] };
  }
  const detected = result.isRedshift ? "REDSHIFT" : "POSTGRES";
  if (detected !== form.kind) {
    return {
      kind: detected,
      warnings: [`You chose ${kindLabel[form.kind]}, but the server is ${kindLabel[detected]} (${result.serverVersion}); saved as ${kindLabel[detected]}.`],
    };
  }
  return { kind: detected, warnings: [] };
}

function limits(form: DataSourceForm) {
  return { statementTimeoutMs: form.statementTimeoutSeconds * 1000, rowLimit: form.rowLimit, maxConcurrency: form.maxConcurrency };
}

function nameClash(e: unknown, name: string): never {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
    throw new AppError("CONFLICT", `A data source named "${name}" already exists.`);
  }
  throw e;
}

export async function createDataSourceFromForm(input: DataSourceFormInput): Promise<SaveDataSourceResult> {
  const form = dataSourceFormSchema.parse(input);
  const config = configFromForm(form);
  const { kind, warnings } = await detectKind(form, config);
  const created = await getDb()
    .dataSource.create({
      data: { name: form.name, kind, encryptedConfig: encryptJson(config, getRuntimeEnv().ENCRYPTION_KEY), ...limits(form) },
      select: { id: true, name: true, kind: true, isDemo: true },
    })
    .catch((e: unknown) => nameClash(e, form.name));
  return { dataSource: created, warnings };
}

export async function updateDataSource(id: string, input: DataSourceFormInput): Promise<SaveDataSourceResult> {
  const form = dataSourceFormSchema.parse(input);
  const exists = await getDb().dataSource.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw notFound("Data source");
  const stored = (await getDataSourceRuntime(id)).config;
  const config = configFromForm(form, stored);
  const { kind, warnings } = await detectKind(form, config);
  const updated = await getDb()
    .dataSource.update({
      where: { id },
      data: { name: form.name, kind, encryptedConfig: encryptJson(config, getRuntimeEnv().ENCRYPTION_KEY), ...limits(form) },
      select: { id: true, name: true, kind: true, isDemo: true },
    })
    .catch((e: unknown) => nameClash(e, form.name));
  // New settings apply to the next query and the next schema load.
  dropPool(id);
  invalidateSchemaCache(id);
  forgetCachedResults(id);
  return { dataSource: updated, warnings };
}

/**
 * "Test connection" for the form as typed. For a saved source (`id`), empty secrets are the stored ones,
 * so an admin can test an edit without retyping the password.
 */
export async function testConnectionFromForm(body: TestConnectionBody): Promise<TestConnectionResult> {
  const form = testConnectionBodySchema.parse(body);
  let stored: ConnectionConfig | undefined;
  if (form.id) {
    const exists = await getDb().dataSource.findUnique({ where: { id: form.id }, select: { id: true } });
    if (!exists) throw notFound("Data source");
    stored = (await getDataSourceRuntime(form.id)).config;
  }
  return testConnection(configFromForm({ ...form, name: form.name ?? "" }, stored));
}
