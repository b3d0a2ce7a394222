// Data source administration against the real app DB and the real embedded PostgreSQL warehouse.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPg } from "@/lib/launcher/embedded-postgres";
import { getDb, disconnectDb } from "@/lib/db";
import { getSettings } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { freePort } from "@/lib/testing/free-port";
import { connectionFromUrl } from "@/lib/warehouse/connection-from-url";
import { closeAllPools } from "@/lib/warehouse/pools";
import { runQuery } from "@/lib/warehouse/run-query";
import type { ConnectionConfig } from "@/lib/warehouse/types";
import { getQueryRun } from "@/lib/queries/list-query-runs";
import { recordQueryRun } from "@/lib/queries/record-query-run";
import { executeQuery } from "@/lib/queries/execute-query";
import { deleteDataSource } from "./delete-data-source";
import { findDataSourceUsage } from "./find-data-source-usage";
import { getDataSourceDetails, listDataSourcesForAdmin } from "./get-data-source";
import { getDataSourceRuntime } from "./get-connection-config";
import { createDataSourceFromForm, testConnectionFromForm, updateDataSource } from "./save-data-source";
import type { DataSourceFormInput } from "./schemas";
import { testConnection } from "./test-connection";

const suffix = randomBytes(3).toString("hex");
const good = (): ConnectionConfig => connectionFromUrl(getSettings().DEMO_WAREHOUSE_URL!, "demo");

function form(overrides: Partial<DataSourceFormInput> = {}): DataSourceFormInput {
  const c = good();
  return {
    name: `Admin test ${suffix} ${randomBytes(2).toString("hex")}`,
    kind: "POSTGRES",
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    password: c.password,
    sslMode: "disable",
    sslCa: "",
    defaultSchema: "demo",
    statementTimeoutSeconds: 30,
    rowLimit: 5000,
    maxConcurrency: 2,
    ...overrides,
  };
}

afterAll(async () => {
  await closeAllPools();
  await disconnectDb();
});

describe("testConnection", () => {
  it("succeeds with the right settings and reports the server version", async () => {
    const r = await testConnection(good());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.serverVersion).toMatch(/^PostgreSQL \d+/);
    expect(r.isRedshift).toBe(false);
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("says 'auth' for a wrong password, without the password", async () => {
    const r = await testConnection({ ...good(), password: "definitely-wrong" });
    expect(r).toMatchObject({ ok: false, stage: "auth" });
    if (r.ok) return;
    expect(r.message).toContain(`The server refused the user '${good().user}': wrong password or no access.`);
    expect(r.message).not.toContain("definitely-wrong");
  });

  it("says 'refused' for a closed port", async () => {
    const port = await freePort();
    const r = await testConnection({ ...good(), host: "127.0.0.1", port });
    expect(r).toEqual({
      ok: false,
      stage: "refused",
      message: `Connection refused by 127.0.0.1:${port}. Is the server running and reachable from the Spyglass server? Check the host and port.`,
    });
  });

  it("says 'dns' for a host that does not resolve", async () => {
    const r = await testConnection({ ...good(), host: "nonexistent.invalid" });
    expect(r).toEqual({ ok: false, stage: "dns", message: "Could not find host 'nonexistent.invalid' (DNS lookup failed). Check the host name." });
  });

  it("says 'database' for a missing database", async () => {
    const r = await testConnection({ ...good(), database: "no_such_db" });
    expect(r).toEqual({ ok: false, stage: "database", message: "Database 'no_such_db' does not exist. Check the database name." });
  });

  it("says 'ssl' when SSL is required but the server has none", async () => {
    const r = await testConnection({ ...good(), sslMode: "require" });
    expect(r).toMatchObject({ ok: false, stage: "ssl" });
  });

  it("says 'timeout' for a server that accepts the connection and never answers", async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const r = await testConnection({ ...good(), host: "127.0.0.1", port }, 300);
      expect(r).toEqual({
        ok: false,
        stage: "timeout",
        message: `Connecting to 127.0.0.1:${port} timed out. Check the host and port, and that a firewall or security group lets the Spyglass server in.`,
      });
    } finally {
      silent.close();
    }
  });
});

// A second real PostgreSQL serving TLS with a certificate signed by a test CA (lib/testing/tls: test-only
// files; the CA's key was thrown away after signing).
describe("testConnection over TLS", () => {
  const tls = (file: string) => path.resolve("lib/testing/tls", file);
  let server: EmbeddedPg | undefined;
  let tmp: string;
  let config: ConnectionConfig;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "spyglass-tls-"));
    chmodSync(tmp, 0o755);
    const port = await freePort();
    const password = randomBytes(9).toString("hex");
    server = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), port, password, ssl: { certFile: tls("server.crt"), keyFile: tls("server.key") } });
    config = { ...connectionFromUrl(server.url("postgres")), host: "localhost" };
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("connects with verify-full and the CA that signed the server's certificate", async () => {
    const r = await testConnection({ ...config, sslMode: "verify-full", sslCa: readFileSync(tls("ca.crt"), "utf8") });
    expect(r).toMatchObject({ ok: true, isRedshift: false });
  });

  it("says 'ssl', and what to do, when the CA does not match", async () => {
    const r = await testConnection({ ...config, sslMode: "verify-full", sslCa: readFileSync(tls("other-ca.crt"), "utf8") });
    expect(r).toEqual({
      ok: false,
      stage: "ssl",
      message: `SSL failed with localhost:${config.port}: unable to verify the first certificate. The server's certificate could not be verified: paste the CA certificate (PEM) that signed it, check that the host name matches the certificate, or use SSL mode "require" to encrypt without verifying.`,
    });
  });

  it("encrypts without verifying with 'require'", async () => {
    expect(await testConnection({ ...config, sslMode: "require" })).toMatchObject({ ok: true });
  });
});

describe("data source administration", () => {
  it("creates, and reads back without the password or CA certificate", async () => {
    const { dataSource, warnings } = await createDataSourceFromForm(form({ kind: "REDSHIFT" }));
    // The server says PostgreSQL: the detected kind wins, and the admin is told.
    expect(dataSource.kind).toBe("POSTGRES");
    expect(warnings.join(" ")).toMatch(/You chose Amazon Redshift, but the server is PostgreSQL/);

    const details = await getDataSourceDetails(dataSource.id);
    expect(details).toMatchObject({
      id: dataSource.id,
      kind: "POSTGRES",
      host: good().host,
      port: good().port,
      database: good().database,
      user: good().user,
      sslMode: "disable",
      defaultSchema: "demo",
      statementTimeoutSeconds: 30,
      rowLimit: 5000,
      maxConcurrency: 2,
      hasPassword: true,
      hasSslCa: false,
      chartCount: 0,
    });
    // The password ("test" here) appears in no value, and no key names a secret.
    expect(Object.values(details)).not.toContain(good().password);
    expect(Object.keys(details)).not.toContain("password");
    expect(Object.keys(details)).not.toContain("sslCa");

    const listed = (await listDataSourcesForAdmin()).find((d) => d.id === dataSource.id)!;
    expect(listed).toEqual({ id: dataSource.id, name: dataSource.name, kind: "POSTGRES", isDemo: false, host: `${good().host}:${good().port}`, database: good().database });
    expect(Object.values(listed)).not.toContain(good().user);
    expect(Object.values(listed)).not.toContain(good().password);
  });

  it("keeps the stored password (and CA) when the form leaves it empty", async () => {
    const ca = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
    const { dataSource } = await createDataSourceFromForm(form({ sslCa: ca }));
    expect((await getDataSourceDetails(dataSource.id)).hasSslCa).toBe(true);
    // Warm the pool with the old settings, then edit.
    await runQuery({ dataSourceId: dataSource.id, sql: "select 1 as one" });

    const { warnings } = await updateDataSource(dataSource.id, form({ name: dataSource.name, password: "", sslCa: "", rowLimit: 7 }));
    expect(warnings).toEqual([]);
    const rt = await getDataSourceRuntime(dataSource.id);
    expect(rt.config.password).toBe(good().password);
    expect(rt.config.sslCa).toBe(ca);
    expect(rt.rowLimit).toBe(7);
    const result = await runQuery({ dataSourceId: dataSource.id, sql: "select count(*)::int as n from users" });
    expect(Number(result.rows[0]![0])).toBeGreaterThan(0);

    // "Test connection" on the edit form uses the stored password too.
    expect(await testConnectionFromForm({ ...form({ password: "" }), id: dataSource.id } as never)).toMatchObject({ ok: true });
    expect(await testConnectionFromForm(form({ password: "" }) as never)).toMatchObject({ ok: false, stage: "auth" });

    // A typed password replaces the stored one, and the pool is rebuilt with it.
    await updateDataSource(dataSource.id, form({ name: dataSource.name, password: "wrong-now" }));
    await expect(runQuery({ dataSourceId: dataSource.id, sql: "select 1" })).rejects.toThrow(/authentication failed/);
  });

  it("forgets cached results of a data source whose settings change: a cached answer never comes from the old settings", async () => {
    const { dataSource } = await createDataSourceFromForm(form({ defaultSchema: "demo" }));
    const run = (runId: string) =>
      executeQuery({ dataSourceId: dataSource.id, text: "select current_schema() as s", values: [], runId, userId: "u", useCache: true });
    const first = await run(`c1-${suffix}`);
    expect(first.result.rows).toEqual([["demo"]]);
    expect((await run(`c2-${suffix}`)).cached).toBe(true);
    await updateDataSource(dataSource.id, form({ name: dataSource.name, password: "", defaultSchema: "public" }));
    const after = await run(`c3-${suffix}`);
    expect(after.cached).toBe(false);
    expect(after.result.rows).toEqual([["public"]]);
  });

  it("sends the stored password only to the host, port and user it was saved for", async () => {
    const { dataSource } = await createDataSourceFromForm(form());
    const port = await freePort();
    const silent = net.createServer((socket) => socket.on("error", () => undefined));
    await new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve));
    try {
      // Another server, the stored password not typed: refused before any connection is made.
      const elsewhere = { ...form({ name: dataSource.name, password: "", host: "localhost", port }), id: dataSource.id };
      await expect(testConnectionFromForm(elsewhere as never)).rejects.toThrow(
        "Type the password again: the host and port changed, and the stored password is only sent to the server and user it was saved for.",
      );
      await expect(updateDataSource(dataSource.id, form({ name: dataSource.name, password: "", host: "localhost", port }))).rejects.toThrow(
        "Type the password again: the host and port changed",
      );
      await expect(testConnectionFromForm({ ...form({ password: "", user: "someone_else" }), id: dataSource.id } as never)).rejects.toThrow(
        "Type the password again: the user changed",
      );
      const connections = await new Promise<number>((resolve) => silent.getConnections((_e, n) => resolve(n)));
      expect(connections).toBe(0);
      expect((await getDataSourceRuntime(dataSource.id)).config.port).toBe(good().port);

      // The same server and user, other settings changed: the stored password is used.
      const { warnings } = await updateDataSource(dataSource.id, form({ name: dataSource.name, password: "", database: good().database, rowLimit: 9 }));
      expect(warnings).toEqual([]);
      expect((await getDataSourceRuntime(dataSource.id)).config.password).toBe(good().password);
    } finally {
      silent.close();
    }
  });

  it("refuses a duplicate name with a clear message", async () => {
    const f = form();
    await createDataSourceFromForm(f);
    await expect(createDataSourceFromForm(f)).rejects.toThrow(`A data source named "${f.name}" already exists.`);
  });

  it("refuses to delete a data source that charts use, naming them, then deletes it once they are gone", async () => {
    const { dataSource } = await createDataSourceFromForm(form());
    const db = getDb();
    await db.chart.create({ data: { title: "Weekly signups", sql: "select 1", dataSourceId: dataSource.id } });
    await db.chart.create({ data: { title: "Revenue", sql: "select 1", dataSourceId: dataSource.id } });
    const err = await deleteDataSource(dataSource.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("CONFLICT");
    expect((err as AppError).message).toBe(
      `"${dataSource.name}" is used by 2 charts ("Revenue" and "Weekly signups"). To delete it, first move the charts to another data source or delete them.`,
    );
    expect((await getDataSourceDetails(dataSource.id)).chartCount).toBe(2);

    await db.chart.deleteMany({ where: { dataSourceId: dataSource.id } });
    await deleteDataSource(dataSource.id);
    expect(await db.dataSource.findUnique({ where: { id: dataSource.id } })).toBeNull();
  });

  it("refuses to delete a data source a dashboard's drop-down filter takes its values from", async () => {
    const { dataSource } = await createDataSourceFromForm(form());
    const db = getDb();
    const dashboard = await db.dashboard.create({
      data: {
        title: `Regions ${suffix}`,
        filters: [
          { name: "period", label: "Period", type: "date_range" },
          { name: "region", label: "Region", type: "select", options: { dataSourceId: dataSource.id, sql: "select 'EMEA'" } },
        ],
      },
    });
    try {
      const err = await deleteDataSource(dataSource.id).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("CONFLICT");
      expect((err as AppError).message).toBe(
        `"${dataSource.name}" is used by the drop-down filter "Region" of the dashboard "Regions ${suffix}". To delete it, first point the filters at another data source or remove them.`,
      );
      expect(await db.dataSource.findUnique({ where: { id: dataSource.id }, select: { id: true } })).not.toBeNull();

      await db.dashboard.update({ where: { id: dashboard.id }, data: { filters: [{ name: "period", label: "Period", type: "date_range" }] } });
      await deleteDataSource(dataSource.id);
      expect(await db.dataSource.findUnique({ where: { id: dataSource.id } })).toBeNull();
    } finally {
      await db.dashboard.delete({ where: { id: dashboard.id } });
    }
  });

  it("keeps the data source's runs in the query history when it is deleted, with its name", async () => {
    const { dataSource } = await createDataSourceFromForm(form());
    const db = getDb();
    const run = await recordQueryRun({ userId: null, dataSourceId: dataSource.id, sql: "select 42 as answer", durationMs: 12, rowCount: 1 });
    expect(await findDataSourceUsage(dataSource.id)).toEqual({ charts: [], filters: [], historyRuns: 1 });

    await deleteDataSource(dataSource.id);
    const kept = await getQueryRun(run.id);
    expect(kept).toMatchObject({
      dataSourceId: null,
      dataSourceName: dataSource.name,
      dataSourceDeleted: true,
      sql: "select 42 as answer",
      rowCount: 1,
      durationMs: 12,
    });
    await db.queryRun.delete({ where: { id: run.id } });
  });

  it("rejects out-of-range settings with readable messages", async () => {
    await expect(createDataSourceFromForm(form({ port: 70000 }))).rejects.toThrow(/Port must be between 1 and 65,535/);
    await expect(createDataSourceFromForm(form({ statementTimeoutSeconds: 0 }))).rejects.toThrow(/Statement timeout \(seconds\) must be between 1 and 3,600/);
    await expect(createDataSourceFromForm(form({ rowLimit: 2_000_000 }))).rejects.toThrow(/Row cap must be between 1 and 1,000,000/);
    await expect(createDataSourceFromForm(form({ maxConcurrency: 65 }))).rejects.toThrow(/Max concurrent queries must be between 1 and 64/);
  });
});
