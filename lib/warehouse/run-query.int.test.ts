// runQuery against a real PostgreSQL (started by lib/testing/global-setup.ts): types, read-only
// enforcement, statement timeout, error positions, the row cap and one-statement-at-a-time.
import { expectAppError } from "@/lib/testing/expect-app-error";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource } from "@/lib/data-sources/create-data-source";
import { getConnectionConfig } from "@/lib/data-sources/get-connection-config";
import { listDataSources } from "@/lib/data-sources/list-data-sources";
import { getDb } from "@/lib/db";
import { getSettings } from "@/lib/env";
import { runAdHocQuery } from "@/lib/queries/run-ad-hoc-query";
import { dropTestSchema } from "@/lib/testing/fixtures";
import { freePort } from "@/lib/testing/free-port";
import { connectionFromUrl } from "./connection-from-url";
import { runQuery } from "./run-query";

const SCHEMA = `runquery_test_${randomBytes(3).toString("hex")}`;
const suffix = randomBytes(3).toString("hex");
let warehouseUrl: string;
let dataSourceId: string;
let admin: pg.Client;

async function eventCount(): Promise<number> {
  const { rows } = await admin.query(`select count(*)::int as n from "${SCHEMA}".events`);
  return rows[0].n as number;
}

const failure = expectAppError;

beforeAll(async () => {
  warehouseUrl = getSettings().DEMO_WAREHOUSE_URL!;
  admin = new pg.Client({ connectionString: warehouseUrl });
  await admin.connect();
  await admin.query(`create schema "${SCHEMA}"`);
  await admin.query(`
    create table "${SCHEMA}".events (
      id int4 primary key,
      name text,
      amount numeric(12, 2),
      big int8,
      happened_at timestamptz,
      day date,
      payload jsonb
    )`);
  await admin.query(`
    insert into "${SCHEMA}".events values
      (1, 'signup', 12.50, 9007199254740993, '2024-01-05 13:45:00.123+00', '2024-01-05', '{"plan": "pro", "seats": [1, 2]}'),
      (2, null, null, null, null, null, null),
      (3, 'purchase', 1999.99, 42, '2024-02-29 23:59:59+02', '2024-02-29', 'true')`);
  const ds = await createDataSource({
    name: `Test warehouse ${suffix}`,
    kind: "POSTGRES",
    config: connectionFromUrl(warehouseUrl, SCHEMA),
    statementTimeoutMs: 10_000,
    rowLimit: 1000,
  });
  dataSourceId = ds.id;
});

afterAll(() => dropTestSchema(admin, SCHEMA));

describe("data sources", () => {
  it("stores the connection settings encrypted and never lists them", async () => {
    const row = await getDb().dataSource.findUniqueOrThrow({ where: { id: dataSourceId }, omit: { encryptedConfig: false } });
    expect(row.encryptedConfig.startsWith("v1:")).toBe(true);
    expect(row.encryptedConfig).not.toContain("127.0.0.1");
    expect(await getConnectionConfig(dataSourceId)).toEqual(connectionFromUrl(warehouseUrl, SCHEMA));
    const listed = (await listDataSources()).find((d) => d.id === dataSourceId);
    expect(listed).toEqual({ id: dataSourceId, name: `Test warehouse ${suffix}`, kind: "POSTGRES", isDemo: false });
  });
});

describe("runQuery", () => {
  it("returns columns with types and JSON values", async () => {
    const result = await runQuery({
      dataSourceId,
      sql: `select id, name, amount, big, happened_at, day, payload from events order by id`,
    });
    expect(result.columns).toEqual([
      { name: "id", type: "number", dbType: "int4" },
      { name: "name", type: "string", dbType: "text" },
      { name: "amount", type: "number", dbType: "numeric" },
      { name: "big", type: "number", dbType: "int8" },
      { name: "happened_at", type: "timestamp", dbType: "timestamptz" },
      { name: "day", type: "date", dbType: "date" },
      { name: "payload", type: "json", dbType: "jsonb" },
    ]);
    expect(result.rows).toEqual([
      [1, "signup", 12.5, "9007199254740993", "2024-01-05T13:45:00.123Z", "2024-01-05", { plan: "pro", seats: [1, 2] }],
      [2, null, null, null, null, null, null],
      [3, "purchase", 1999.99, 42, "2024-02-29T21:59:59.000Z", "2024-02-29", true],
    ]);
    expect(result.rowCount).toBe(3);
    expect(result.truncated).toBe(false);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("converts literal values of every common type", async () => {
    const result = await runQuery({
      dataSourceId,
      sql: `select * from (values (
        1::int2, 2.5::float8, 3::int8, 10.10::numeric, true, 'x'::varchar, '2024-01-02 03:04:05'::timestamp,
        '\\x0aff'::bytea, '{"a":1}'::json, '1 day'::interval, array[1,2]::int4[], null::text
      )) as t(i2, f8, i8, num, flag, v, ts, bin, js, iv, arr, nothing);`,
    });
    expect(result.columns.map((c) => [c.name, c.type, c.dbType])).toEqual([
      ["i2", "number", "int2"],
      ["f8", "number", "float8"],
      ["i8", "number", "int8"],
      ["num", "number", "numeric"],
      ["flag", "boolean", "bool"],
      ["v", "string", "varchar"],
      ["ts", "timestamp", "timestamp"],
      ["bin", "other", "bytea"],
      ["js", "json", "json"],
      ["iv", "other", "interval"],
      ["arr", "other", "_int4"],
      ["nothing", "string", "text"],
    ]);
    expect(result.rows).toEqual([[1, 2.5, 3, 10.1, true, "x", "2024-01-02T03:04:05", "\\x0aff", { a: 1 }, "1 day", "{1,2}", null]]);
  });

  it("names types that are not built in", async () => {
    await admin.query(`do $$ begin create type "${SCHEMA}".mood as enum ('happy', 'sad'); exception when duplicate_object then null; end $$`);
    const result = await runQuery({ dataSourceId, sql: `select 'happy'::mood as m` });
    expect(result.columns).toEqual([{ name: "m", type: "other", dbType: "mood" }]);
    expect(result.rows).toEqual([["happy"]]);
  });

  it.each([
    ["delete", `delete from events`],
    ["drop", `drop table events`],
    ["insert", `insert into events (id) values (100)`],
    ["update", `update events set name = 'x'`],
    ["create", `create table sneaky (id int)`],
  ])("refuses %s: the transaction is read-only", async (_kind, sql) => {
    const error = await failure(runQuery({ dataSourceId, sql }));
    expect(error.code).toBe("QUERY_FAILED");
    expect(error.message).toMatch(/cannot execute .+ in a read-only transaction/);
    expect(error.details?.sqlState).toBe("25006");
    expect(await eventCount()).toBe(3);
  });

  it("stops a query at the statement timeout", async () => {
    const started = Date.now();
    const error = await failure(runQuery({ dataSourceId, sql: "select pg_sleep(5)", timeoutMs: 200 }));
    expect(error.message).toBe("The query hit this data source's statement timeout of 0.2 s and was cancelled.");
    expect(Date.now() - started).toBeLessThan(3000);
    // The connection went back to the pool in a clean state.
    expect((await runQuery({ dataSourceId, sql: "select 1 as one" })).rows).toEqual([[1]]);
  });

  it("cancels the statement on the server when the caller aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 200);
    const error = await failure(runQuery({ dataSourceId, sql: "select pg_sleep(5)", signal: controller.signal }));
    expect(error.message).toBe("The query was cancelled.");
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await runQuery({ dataSourceId, sql: "select 2 as two" })).rows).toEqual([[2]]);
  });

  it("reports where a syntax error is", async () => {
    const sql = "select id,\n  name\nfrom events\nwher id = 1";
    const error = await failure(runQuery({ dataSourceId, sql }));
    expect(error.code).toBe("QUERY_FAILED");
    expect(error.message).toBe('syntax error at or near "id"');
    expect(error.details).toMatchObject({ position: sql.indexOf("id = 1") + 1, sqlState: "42601" });
  });

  it("reports unknown columns with their position and PostgreSQL's hint", async () => {
    const sql = "select nam from events";
    const error = await failure(runQuery({ dataSourceId, sql }));
    expect(error.message).toBe('column "nam" does not exist');
    expect(error.details?.position).toBe(8);
    expect(error.details?.sqlState).toBe("42703");
  });

  it("caps the rows and says the result was cut", async () => {
    const capped = await runQuery({ dataSourceId, sql: "select g from generate_series(1, 50) g", rowLimit: 10 });
    expect(capped.rows).toEqual([[1], [2], [3], [4], [5], [6], [7], [8], [9], [10]]);
    expect(capped.rowCount).toBe(10);
    expect(capped.truncated).toBe(true);
    const exact = await runQuery({ dataSourceId, sql: "select g from generate_series(1, 10) g", rowLimit: 10 });
    expect(exact.rowCount).toBe(10);
    expect(exact.truncated).toBe(false);
  });

  it("runs one statement at a time", async () => {
    const error = await failure(runQuery({ dataSourceId, sql: "select 1; select 2" }));
    expect(error.message).toBe("Run one statement at a time: this SQL holds more than one statement.");
    const sneaky = await failure(runQuery({ dataSourceId, sql: "select 1; delete from events" }));
    expect(sneaky.message).toMatch(/Run one statement at a time/);
    expect(await eventCount()).toBe(3);
  });

  it("accepts a trailing semicolon", async () => {
    const result = await runQuery({ dataSourceId, sql: "select 1 as one;  \n" });
    expect(result.rows).toEqual([[1]]);
  });

  it("binds parameters", async () => {
    const result = await runQuery({ dataSourceId, sql: "select name from events where id = $1", params: [3] });
    expect(result.rows).toEqual([["purchase"]]);
  });

  it("leaves no settings behind on pooled connections", async () => {
    await runQuery({ dataSourceId, sql: "select set_config('search_path', 'pg_catalog', false)" });
    const result = await runQuery({ dataSourceId, sql: "select current_setting('statement_timeout') as t, count(*)::int as n from events" });
    expect(result.rows).toEqual([["10s", 3]]);
  });

  it("queues queries beyond the data source's connection limit instead of failing them", async () => {
    const single = await createDataSource({
      name: `Single connection ${suffix}`,
      kind: "POSTGRES",
      config: connectionFromUrl(warehouseUrl, SCHEMA),
      maxConcurrency: 1,
    });
    const results = await Promise.all([
      runQuery({ dataSourceId: single.id, sql: "select 1 as n from pg_sleep(0.3)" }),
      runQuery({ dataSourceId: single.id, sql: "select 2 as n" }),
      runQuery({ dataSourceId: single.id, sql: "select 3 as n" }),
    ]);
    expect(results.map((r) => r.rows)).toEqual([[[1]], [[2]], [[3]]]);
  });

  it("does not change pg's global type parsers (used by the app database)", () => {
    expect(pg.types.getTypeParser(1184, "text")("2024-01-05 13:45:00+00")).toBeInstanceOf(Date);
    expect(pg.types.getTypeParser(20, "text")("42")).toBe("42");
  });

  it("says in words when the warehouse cannot be reached", async () => {
    const port = await freePort();
    const ds = await createDataSource({
      name: `Nowhere ${suffix}`,
      kind: "POSTGRES",
      config: { ...connectionFromUrl(warehouseUrl), port },
    });
    const error = await failure(runQuery({ dataSourceId: ds.id, sql: "select 1" }));
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toBe(
      `Could not connect to the warehouse at 127.0.0.1:${port}: the connection was refused. Is the server running and accepting TCP connections on that port?`,
    );
    const badPassword = await createDataSource({
      name: `Bad password ${suffix}`,
      kind: "POSTGRES",
      config: { ...connectionFromUrl(warehouseUrl), password: "wrong" },
    });
    const authError = await failure(runQuery({ dataSourceId: badPassword.id, sql: "select 1" }));
    expect(authError.message).toMatch(/authentication failed for user "spyglass"/);
  });
});

describe("the demo warehouse", () => {
  it("answers through a data source whose default schema is demo", async () => {
    const exists = await admin.query("select 1 from information_schema.tables where table_schema = 'demo' and table_name = 'users'");
    if (exists.rowCount === 0) return; // the demo loader did not run in this setup
    const demo = await createDataSource({ name: `Demo ${suffix}`, kind: "POSTGRES", config: connectionFromUrl(warehouseUrl, "demo") });
    const result = await runQuery({ dataSourceId: demo.id, sql: "select count(*) as users from users" });
    expect(result.columns).toEqual([{ name: "users", type: "number", dbType: "int8" }]);
    expect(result.rows[0][0]).toBeGreaterThan(0);
  });
});

describe("runAdHocQuery", () => {
  it("records every run in the history, failed ones with their error", async () => {
    const user = await getDb().user.create({
      data: { email: `runner-${suffix}@example.com`, name: "Runner", passwordHash: "not-used" },
    });
    await runAdHocQuery({ userId: user.id, dataSourceId, sql: "select id from events" });
    await failure(runAdHocQuery({ userId: user.id, dataSourceId, sql: "select nope from events" }));
    const runs = await getDb().queryRun.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(runs.map((r) => ({ sql: r.sql, rowCount: r.rowCount, error: r.error }))).toEqual([
      { sql: "select id from events", rowCount: 3, error: null },
      { sql: "select nope from events", rowCount: null, error: 'column "nope" does not exist' },
    ]);
    expect(runs.every((r) => r.dataSourceId === dataSourceId && r.durationMs >= 0)).toBe(true);
  });
});
