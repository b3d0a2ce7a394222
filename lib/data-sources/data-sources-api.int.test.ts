// The data-source routes over HTTP on the real web app: only admins manage connections, and no response
// ever carries a password or CA certificate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { signInCookie } from "@/lib/testing/fixtures";
import { connectionFromUrl } from "@/lib/warehouse/connection-from-url";
import { requireWebApp } from "@/lib/testing/web-app";

const base = () => getRuntimeEnv().APP_URL;
const password = "a long test password";
const cookies: Record<"ADMIN" | "EDITOR" | "VIEWER", string> = { ADMIN: "", EDITOR: "", VIEWER: "" };
const userIds: string[] = [];
const created: string[] = [];

async function call(method: string, path: string, cookie: string, body?: unknown) {
  const res = await fetch(`${base()}${path}`, {
    method,
    headers: { cookie, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

function form(name: string) {
  const c = connectionFromUrl(getRuntimeEnv().DEMO_WAREHOUSE_URL!);
  return {
    name,
    kind: "POSTGRES",
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    password: c.password,
    sslMode: "disable",
    defaultSchema: "demo",
    statementTimeoutSeconds: 30,
    rowLimit: 1000,
    maxConcurrency: 2,
  };
}

beforeAll(async () => {
  requireWebApp();
  const stamp = Date.now();
  const hash = await hashPassword(password);
  for (const role of ["ADMIN", "EDITOR", "VIEWER"] as const) {
    const email = `ds-${role.toLowerCase()}-${stamp}@example.com`;
    userIds.push((await getDb().user.create({ data: { email, name: role, passwordHash: hash, role } })).id);
    cookies[role] = await signInCookie(base(), email, password);
  }
});

afterAll(async () => {
  await getDb().dataSource.deleteMany({ where: { id: { in: created } } });
  await getDb().user.deleteMany({ where: { id: { in: userIds } } });
});

describe("data-source API", () => {
  it("lets an admin create one, and never returns its secrets", async () => {
    const createdRes = await call("POST", "/api/data-sources", cookies.ADMIN, form(`api-ds-${Date.now()}`));
    expect(createdRes.status).toBe(201);
    const id = (createdRes.json!.dataSource as { id: string }).id;
    created.push(id);
    const secret = form("x").password;
    expect(createdRes.text).not.toContain(secret);

    const detail = await call("GET", `/api/data-sources/${id}`, cookies.ADMIN);
    expect(detail.status).toBe(200);
    expect(detail.text).not.toContain(secret);
    expect(detail.json).not.toHaveProperty("password");
    expect(detail.json).toMatchObject({ hasPassword: true, hasSslCa: false });

    const list = await call("GET", "/api/data-sources", cookies.VIEWER);
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(secret);
  });

  it("refuses editors and viewers with 403 on every admin route", async () => {
    const id = created[0];
    for (const role of ["EDITOR", "VIEWER"] as const) {
      expect((await call("POST", "/api/data-sources", cookies[role], form(`nope-${role}`))).status).toBe(403);
      expect((await call("GET", `/api/data-sources/${id}`, cookies[role])).status).toBe(403);
      expect((await call("PATCH", `/api/data-sources/${id}`, cookies[role], form("renamed"))).status).toBe(403);
      expect((await call("DELETE", `/api/data-sources/${id}`, cookies[role])).status).toBe(403);
      expect((await call("POST", "/api/data-sources/test", cookies[role], form("t"))).status).toBe(403);
    }
    const still = await getDb().dataSource.findUnique({ where: { id }, select: { name: true } });
    expect(still?.name).toMatch(/^api-ds-/);
  });

  it("answers 401 without a session", async () => {
    expect((await call("GET", "/api/data-sources", "")).status).toBe(401);
    expect((await call("POST", "/api/data-sources/test", "", form("t"))).status).toBe(401);
  });
});
