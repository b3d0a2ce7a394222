// The ad-hoc run path against real PostgreSQL: bound parameters, server-side cancel, single-flight
// de-duplication, the result cache and the history.
import { expectAppError } from "@/lib/testing/expect-app-error";
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource } from "@/lib/data-sources/create-data-source";
import { disconnectDb, getDb } from "@/lib/db";
import { getSettings } from "@/lib/env";
import { connectionFromUrl } from "@/lib/warehouse/connection-from-url";
import { closeAllPools } from "@/lib/warehouse/pools";
import { cancelRun, clearResultCache } from "./execute-query";
import { getQueryRun, listQueryRuns } from "./list-query-runs";
import { runAdHocQuery } from "./run-ad-hoc-query";

const suffix = randomBytes(3).toString("hex");
let admin: pg.Client;
let dataSourceId: string;
let userId: string;
let otherUserId: string;

const failure = expectAppError;

async function usersCount(): Promise<number> {
  return (await admin.query("select count(*)::int as n from demo.users")).rows[0].n as number;
}

beforeAll(async () => {
  const url = getSettings().DEMO_WAREHOUSE_URL!;
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const ds = await createDataSource({ name: `Queries test ${suffix}`, kind: "POSTGRES", config: connectionFromUrl(url, "demo") });
  dataSourceId = ds.id;
  const db = getDb();
  userId = (await db.user.create({ data: { email: `q-${suffix}@example.com`, name: "Quinn", passwordHash: "x" } })).id;
  otherUserId = (await db.user.create({ data: { email: `o-${suffix}@example.com`, name: "Other", passwordHash: "x", role: "EDITOR" } })).id;
});

afterAll(async () => {
  await closeAllPools();
  await admin?.end();
  await disconnectDb();
});

describe("parameters", () => {
  it("binds hostile values: they are data, never SQL", async () => {
    const hostile = "'; drop table users; --";
    const before = await usersCount();
    const text = await runAdHocQuery({ userId, dataSourceId, sql: "select {{v}}::text as v", values: { v: hostile } });
    expect(text.rows).toEqual([[hostile]]);
    const list = await runAdHocQuery({
      userId,
      dataSourceId,
      sql: "select x from unnest(array['a', {{v}}]::text[]) x where x = any({{l}}) [[and x <> {{skip}}]]",
      parameters: [{ name: "l", type: "list" }],
      values: { v: hostile, l: [hostile, "a"], skip: "a" },
    });
    expect(list.rows).toEqual([[hostile]]);
    const none = await runAdHocQuery({ userId, dataSourceId, sql: "select count(*)::int as n from users where username = {{v}}", values: { v: hostile } });
    expect(none.rows).toEqual([[0]]);
    expect(await usersCount()).toBe(before);
  });

  it("types numbers, dates and date ranges", async () => {
    const r = await runAdHocQuery({
      userId,
      dataSourceId,
      sql: "select {{n}} + 1 as n, {{d}}::date as d, {{r.end}}::date - {{r.start}}::date as days",
      parameters: [
        { name: "n", type: "number" },
        { name: "d", type: "date" },
        { name: "r", type: "date_range" },
      ],
      values: { n: "41", d: "2024-02-29", r: { start: "2024-01-01", end: "2024-01-31" } },
    });
    expect(r.rows).toEqual([[42, "2024-02-29", 30]]);
  });

  it("maps an error position back into the SQL as written", async () => {
    const sql = "select {{a_long_parameter}} as a, nope from users";
    const e = await failure(runAdHocQuery({ userId, dataSourceId, sql, values: { a_long_parameter: "x" } }));
    expect(e.message).toBe('column "nope" does not exist');
    expect(e.details?.position).toBe(sql.indexOf("nope") + 1);
  });

  it("sends double brackets and template syntax in comments and literals to PostgreSQL as written", async () => {
    const sql = "select array[[1,2],[3,4]] as a, '[[5]]'::jsonb as j, '{{' || 'x' || '}}' as t -- and {{region}}\n/* [[ and {{b}} ]] */";
    const r = await runAdHocQuery({ userId, dataSourceId, sql });
    // A two-dimensional array comes back in PostgreSQL's text form.
    expect(r.rows).toEqual([["{{1,2},{3,4}}", [[5]], "{{x}}"]]);
  });

  it("refuses a parameter inside quotes at its position, before anything reaches PostgreSQL", async () => {
    const sql = "select username from users where username like '%{{q}}%'";
    const e = await failure(runAdHocQuery({ userId, dataSourceId, sql, values: { q: "a" } }));
    expect(e.code).toBe("INVALID");
    expect(e.message).toMatch(/^\{\{q\}\} is inside quotes/);
    expect(e.details).toEqual({ position: sql.indexOf("{{q}}") + 1, hint: "To put text around a value, join it: like '%' || {{q}} || '%'." });
  });
});

describe("cancel", () => {
  it("cancels the statement on the server", async () => {
    const runId = randomUUID();
    const started = Date.now();
    const running = runAdHocQuery({ userId, dataSourceId, sql: "select pg_sleep(30)", runId });
    const caught = failure(running);
    await waitFor(async () => (await activity("select pg_sleep(30)")) > 0);
    await expect(cancelRun(runId, { id: otherUserId, isAdmin: false })).rejects.toThrow("You can only cancel your own runs.");
    expect(await cancelRun(runId, { id: userId, isAdmin: false })).toEqual({ cancelled: true });
    const error = await caught;
    expect(error.message).toBe("Query cancelled");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await activity("select pg_sleep(30)")).toBe(0);
    expect(await cancelRun(runId, { id: userId, isAdmin: false })).toEqual({ cancelled: false });
    const recorded = await getDb().queryRun.findFirst({ where: { userId, sql: "select pg_sleep(30)" } });
    expect(recorded).toMatchObject({ status: "cancelled", error: "Query cancelled" });
  });

  it("cancelling one waiter of a shared query leaves the others running", async () => {
    const sql = `select pg_sleep(0.8), '${suffix}' as shared`;
    const a = randomUUID();
    const first = runAdHocQuery({ userId, dataSourceId, sql, runId: a });
    const firstFailure = failure(first);
    const second = runAdHocQuery({ userId: otherUserId, dataSourceId, sql, runId: randomUUID() });
    await new Promise((r) => setTimeout(r, 150));
    expect(await cancelRun(a, { id: userId, isAdmin: false })).toEqual({ cancelled: true });
    expect((await firstFailure).message).toBe("Query cancelled");
    expect((await second).rows).toEqual([["", suffix]]);
  });
});

describe("single-flight and cache", () => {
  it("runs identical concurrent queries once, and again afterwards", async () => {
    const sql = `select pg_sleep(0.5), now()::text as t, '${suffix}-dedup' as k`;
    const [a, b] = await Promise.all([runAdHocQuery({ userId, dataSourceId, sql }), runAdHocQuery({ userId: otherUserId, dataSourceId, sql })]);
    expect(a.rows[0][1]).toBe(b.rows[0][1]);
    expect(a.runId).not.toBe(b.runId);
    const c = await runAdHocQuery({ userId, dataSourceId, sql });
    expect(c.rows[0][1]).not.toBe(a.rows[0][1]);
    expect(c.cached).toBe(false);
  });

  it("says when a run joined an identical one already under way, which cannot see changes made since", async () => {
    const table = `demo.joined_${suffix}`;
    await admin.query(`create table ${table} (n int)`);
    try {
      const sql = `select (select count(*)::int from ${table}) as rows_seen, pg_sleep(1)::text as slept`;
      const first = runAdHocQuery({ userId, dataSourceId, sql });
      // The first run's statement has begun (its snapshot is taken); then a row is committed, then the
      // second run is asked for: it shares the first one's result, without the row.
      await waitFor(async () => (await activity(sql)) > 0);
      await admin.query(`insert into ${table} values (1)`);
      const second = await runAdHocQuery({ userId: otherUserId, dataSourceId, sql });
      const a = await first;
      expect(a.rows).toEqual([[0, ""]]);
      expect(a.joined).toBe(false);
      expect(second.rows).toEqual([[0, ""]]);
      expect(second).toMatchObject({ joined: true, cached: false, startedAt: a.startedAt, computedAt: a.computedAt });
      expect(Date.parse(a.startedAt)).toBeLessThanOrEqual(Date.parse(a.computedAt));

      // Run again: the row is there, and nothing was joined.
      const third = await runAdHocQuery({ userId, dataSourceId, sql });
      expect(third.rows).toEqual([[1, ""]]);
      expect(third.joined).toBe(false);
    } finally {
      await admin.query(`drop table ${table}`);
    }
  });

  it("answers from the cache when asked to", async () => {
    clearResultCache();
    const sql = `select now()::text as t, '${suffix}-cache' as k`;
    const first = await runAdHocQuery({ userId, dataSourceId, sql, useCache: true });
    expect(first.cached).toBe(false);
    const second = await runAdHocQuery({ userId, dataSourceId, sql, useCache: true });
    expect(second).toMatchObject({ cached: true, computedAt: first.computedAt, rows: first.rows });
    const fresh = await runAdHocQuery({ userId, dataSourceId, sql, useCache: false });
    expect(fresh.cached).toBe(false);
    expect(fresh.rows[0][0]).not.toBe(first.rows[0][0]);
  });
});

describe("history", () => {
  it("records runs with parameters, values and status", async () => {
    const sql = "select {{n}}::int + 1 as n";
    const parameters = [{ name: "n", type: "number" as const }];
    await runAdHocQuery({ userId, dataSourceId, sql, parameters, values: { n: 1 } });
    await failure(runAdHocQuery({ userId, dataSourceId, sql: "select nope_col from users" }));
    const { runs } = await listQueryRuns({ userId, mine: true, limit: 50 });
    const ok = runs.find((r) => r.sql === sql)!;
    expect(ok).toMatchObject({ user: { name: "Quinn" }, dataSourceId, dataSourceName: `Queries test ${suffix}`, parameters, values: { n: 1 }, rowCount: 1, truncated: false, error: null, status: "succeeded" });
    const bad = runs.find((r) => r.sql === "select nope_col from users")!;
    expect(bad).toMatchObject({ status: "failed", error: 'column "nope_col" does not exist', rowCount: null });
    expect(runs.every((r) => r.user?.name === "Quinn")).toBe(true);
    expect(await getQueryRun(ok.id)).toEqual(ok);
    const all = await listQueryRuns({ userId, mine: false, limit: 500 });
    expect(all.runs.some((r) => r.user?.name === "Other")).toBe(true);
  });

  it("a run on a data source that no longer exists says what to do, and is not history", async () => {
    const gone = "c".repeat(25);
    const e = await failure(runAdHocQuery({ userId, dataSourceId: gone, sql: "select 'gone' as g" }));
    expect([e.code, e.message]).toEqual([
      "NOT_FOUND",
      "This data source no longer exists (an admin may have deleted it): choose another one in the Data source list.",
    ]);
    const { runs } = await listQueryRuns({ userId, mine: true, limit: 50 });
    expect(runs.some((r) => r.sql === "select 'gone' as g")).toBe(false);
  });

  it("records that a result was cut at the row cap", async () => {
    const sql = "select g from generate_series(1, 10) g";
    const result = await runAdHocQuery({ userId, dataSourceId, sql, rowLimit: 4 });
    expect([result.rowCount, result.truncated]).toEqual([4, true]);
    const { runs } = await listQueryRuns({ userId, mine: true, limit: 50 });
    expect(runs.find((r) => r.sql === sql)).toMatchObject({ status: "succeeded", rowCount: 4, truncated: true });
  });

  it("records a run refused for a NUL character in a value (PostgreSQL cannot store one)", async () => {
    const sql = "select {{nul_text}} as v";
    const e = await failure(runAdHocQuery({ userId, dataSourceId, sql, values: { nul_text: "a\u0000b" } }));
    expect(e.message).toBe("Parameter nul_text contains a NUL character (\\0), which PostgreSQL text cannot hold: remove it.");
    const { runs } = await listQueryRuns({ userId, mine: true, limit: 50 });
    expect(runs.find((r) => r.sql === sql)).toMatchObject({ status: "failed", values: { nul_text: "a\ufffdb" }, error: e.message });
  });
});

async function activity(query: string): Promise<number> {
  const { rows } = await admin.query("select count(*)::int as n from pg_stat_activity where query = $1 and state = 'active'", [query]);
  return rows[0].n as number;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}
