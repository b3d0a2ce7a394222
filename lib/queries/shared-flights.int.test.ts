// Identical queries, cancels and the warehouse concurrency limit across processes: this test process and the
// built web app (`next start`, a process of its own) share the integration Redis and warehouse, as two web
// processes (or a web process and a worker) of one install do.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { createDataSource } from "@/lib/data-sources/create-data-source";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv, getSettings } from "@/lib/env";
import { closeQueues } from "@/lib/jobs/queues";
import { expectAppError } from "@/lib/testing/expect-app-error";
import { signInCookie, waitFor } from "@/lib/testing/fixtures";
import { requireWebApp } from "@/lib/testing/web-app";
import { connectionFromUrl } from "@/lib/warehouse/connection-from-url";
import { closeAllPools } from "@/lib/warehouse/pools";
import { runAdHocQuery } from "./run-ad-hoc-query";
import { closeSharedFlights } from "./shared-flights";

const suffix = randomBytes(3).toString("hex");
const password = randomBytes(9).toString("base64url");
let admin: pg.Client;
let dataSourceId: string;
const users: Record<"owner" | "other", { id: string; cookie: string }> = {} as never;
const base = () => getRuntimeEnv().APP_URL;

beforeAll(async () => {
  requireWebApp();
  const url = getSettings().DEMO_WAREHOUSE_URL!;
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  dataSourceId = (await createDataSource({ name: `Shared flights ${suffix}`, kind: "POSTGRES", config: connectionFromUrl(url, "demo") })).id;
  for (const name of ["owner", "other"] as const) {
    const email = `sf-${name}-${suffix}@example.com`;
    const u = await getDb().user.create({ data: { email, name, passwordHash: await hashPassword(password), role: "EDITOR" } });
    users[name] = { id: u.id, cookie: await signInCookie(base(), email, password) };
  }
});

afterAll(async () => {
  await closeSharedFlights();
  await closeQueues();
  await closeAllPools();
  await admin?.end();
  await disconnectDb();
});

async function post(path: string, cookie: string, body?: unknown) {
  const res = await fetch(base() + path, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function running(sqlFragment: string): Promise<number> {
  const res = await admin.query("select count(*)::int as n from pg_stat_activity where query like $1 and pid <> pg_backend_pid()", [`%${sqlFragment}%`]);
  return res.rows[0].n as number;
}

describe("across processes", () => {
  it("runs a query that two processes ask for at once on one backend, and both get its rows", async () => {
    const sql = `select pg_backend_pid() as pid, pg_sleep(1.5) as slept, '${suffix}-twice' as k`;
    const here = runAdHocQuery({ userId: users.owner.id, dataSourceId, sql });
    await waitFor("the query to reach the warehouse", async () => (await running(`${suffix}-twice`)) > 0);
    const there = await post("/api/queries/run", users.other.cookie, { dataSourceId, sql });
    expect(there.status).toBe(200);
    const mine = await here;
    expect(mine.rows).toHaveLength(1);
    expect(there.json.rows).toEqual(mine.rows);
    expect(there.json.computedAt).toBe(mine.computedAt);
    // Each caller's run is its own history entry, though the warehouse ran the statement once.
    expect(there.json.runId).not.toBe(mine.runId);
    expect(await getDb().queryRun.count({ where: { sql, status: "succeeded" } })).toBe(2);
  });

  it("hands a failure to the process that waited for it", async () => {
    const sql = `select pg_sleep(1), 1 / (select 0) as boom, '${suffix}-fails' as k`;
    const here = expectAppError(runAdHocQuery({ userId: users.owner.id, dataSourceId, sql }));
    await waitFor("the query to reach the warehouse", async () => (await running(`${suffix}-fails`)) > 0);
    const there = await post("/api/queries/run", users.other.cookie, { dataSourceId, sql });
    expect(there.status).toBe(400);
    expect((there.json.error as { message: string }).message).toBe("division by zero");
    expect((await here).message).toBe("division by zero");
  });

  it("cancels a run from another process, and only for its owner", async () => {
    const runId = randomUUID();
    const sql = `select pg_sleep(30), '${suffix}-cancel' as k`;
    const caught = expectAppError(runAdHocQuery({ userId: users.owner.id, dataSourceId, sql, runId }));
    await waitFor("the query to reach the warehouse", async () => (await running(`${suffix}-cancel`)) > 0);

    const refused = await post(`/api/queries/runs/${runId}/cancel`, users.other.cookie);
    expect(refused).toEqual({ status: 403, json: { error: { code: "FORBIDDEN", message: "You can only cancel your own runs." } } });
    expect(await running(`${suffix}-cancel`)).toBe(1);

    const cancelled = await post(`/api/queries/runs/${runId}/cancel`, users.owner.cookie);
    expect(cancelled).toEqual({ status: 200, json: { cancelled: true } });
    expect((await caught).message).toBe("Query cancelled");
    await waitFor("the statement to stop on the server", async () => (await running(`${suffix}-cancel`)) === 0);
    expect(await getDb().queryRun.findFirst({ where: { sql }, select: { status: true } })).toEqual({ status: "cancelled" });

    // Finished runs are forgotten everywhere.
    expect(await post(`/api/queries/runs/${runId}/cancel`, users.owner.cookie)).toEqual({ status: 200, json: { cancelled: false } });
  });
});

describe("a data source's maximum of concurrent queries", () => {
  it("holds across processes: with a maximum of 1, the second process waits for the first", async () => {
    const url = getSettings().DEMO_WAREHOUSE_URL!;
    const single = await createDataSource({ name: `One at a time ${suffix}`, kind: "POSTGRES", config: connectionFromUrl(url, "demo"), maxConcurrency: 1 });
    const timed = (tag: string) => `select clock_timestamp()::text as started, pg_sleep(0.6) as slept, clock_timestamp()::text as ended, '${suffix}-${tag}' as k`;
    const here = runAdHocQuery({ userId: users.owner.id, dataSourceId: single.id, sql: timed("first") });
    await waitFor("the first query to reach the warehouse", async () => (await running(`${suffix}-first`)) > 0);
    const there = await post("/api/queries/run", users.other.cookie, { dataSourceId: single.id, sql: timed("second") });
    expect(there.status).toBe(200);
    const [[, , firstEnded]] = (await here).rows as string[][];
    const [[secondStarted]] = there.json.rows as string[][];
    // Both are PostgreSQL's clock on one server: the second statement began after the first one ended.
    expect(new Date(secondStarted).getTime()).toBeGreaterThanOrEqual(new Date(firstEnded).getTime());
  });
});
