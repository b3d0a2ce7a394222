// The permission matrix over HTTP against the running app: every route handler under app/api (listed in
// ./permission-matrix.ts; a unit test keeps that list complete) called as signed-out, as a deactivated
// account's old cookie, as a viewer, an editor and an admin. Then: deactivation ends a session at once,
// and a private dashboard shows up for nobody but its owner (list, search, by id, results, pages).
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { storeDigestImage } from "@/lib/digests/digest-image";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { QUEUES } from "@/lib/jobs/definitions";
import { startHeartbeat } from "@/lib/jobs/heartbeat";
import { createTestDataSource, signInCookie } from "@/lib/testing/fixtures";
import { requireWebApp } from "@/lib/testing/web-app";
import { connectionFromUrl } from "@/lib/warehouse/connection-from-url";
import { API_MATRIX, splitKey, type MatrixKey } from "./permission-matrix";

type Role = "ADMIN" | "EDITOR" | "VIEWER";
type Caller = Role | "anonymous" | "deactivated";

const base = () => getRuntimeEnv().APP_URL;
const password = "a long test password";
const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
const slug = stamp.replace(/-/g, "_");
let seq = 0;
const unique = (what: string) => `${what}-${stamp}-${++seq}`;

const cookies: Record<Role | "deactivated", string> = { ADMIN: "", EDITOR: "", VIEWER: "", deactivated: "" };
const userIds: Record<Role | "deactivated", string> = { ADMIN: "", EDITOR: "", VIEWER: "", deactivated: "" };
const createdUserIds: string[] = [];
const createdDataSourceIds: string[] = [];

/** Shared things every call may point at: a dashboard everyone sees, with a chart tile and a subscription. */
const f = { dataSourceId: "", chartId: "", dashboardId: "", subscriptionId: "", queryRunId: "", shareToken: "", digestImagePath: "" };

/** A drop-down filter on the shared dashboard, so its options route has something to list. */
const regionFilter = () => ({
  name: "region",
  label: "Region",
  type: "select",
  options: { dataSourceId: f.dataSourceId, sql: "select 'EMEA' as region union all select 'APAC'" },
});

async function call(method: string, path: string, cookie: string, body?: unknown) {
  const res = await fetch(`${base()}${path}`, {
    method,
    redirect: "manual",
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    // not JSON (a page, a CSV)
  }
  return { status: res.status, text, json, location: res.headers.get("location") };
}

/** Calls that must succeed, for setting things up: fails with the server's answer otherwise. */
async function ok(method: string, path: string, cookie: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await call(method, path, cookie, body);
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${res.text.slice(0, 500)}`);
  return res.json ?? {};
}

async function makeUser(role: Role, name: string) {
  const email = `pm-${name.toLowerCase()}-${stamp}@example.com`;
  const u = await getDb().user.create({ data: { email, name, passwordHash: await hashPassword(password), role } });
  createdUserIds.push(u.id);
  return { id: u.id, email, cookie: await signInCookie(base(), email, password) };
}

function dataSourceForm(name: string) {
  const c = connectionFromUrl(getRuntimeEnv().DEMO_WAREHOUSE_URL!);
  return { name, kind: "POSTGRES", host: c.host, port: c.port, database: c.database, user: c.user, password: c.password, sslMode: "disable", defaultSchema: "demo", statementTimeoutSeconds: 30, rowLimit: 1000, maxConcurrency: 2 };
}

const dashboardVersion = async (id: string) => (await getDb().dashboard.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
/** The oldest layout version the history holds for the shared dashboard (adding its tile saved one). */
const firstSavedLayout = async () =>
  (await getDb().dashboardVersion.findFirstOrThrow({ where: { dashboardId: f.dashboardId }, orderBy: { version: "asc" }, select: { version: true } })).version;
const chartVersion = async (id: string) => (await getDb().chart.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

// Fresh things for calls that use them up (DELETE, accept), made through the API as the editor or admin.
const fresh = {
  snippet: async () => (await ok("POST", "/api/snippets", cookies.EDITOR, { name: `pm_${slug}_${++seq}`, sql: "select 1" })).id as string,
  subscription: async () =>
    ((await ok("POST", `/api/dashboards/${f.dashboardId}/subscriptions`, cookies.EDITOR, { recipients: ["team@example.com"] })).subscription as { id: string })
      .id,
  invite: async () => ((await ok("POST", "/api/invites", cookies.ADMIN, { email: `${unique("pm-inv")}@example.com`, role: "VIEWER" })).invite as { id: string }).id,
  shareLink: async () =>
    ((await ok("POST", `/api/dashboards/${f.dashboardId}/share-links`, cookies.EDITOR, {})).link as { id: string; url: string }),
  dataSource: async () => {
    const { id } = await createTestDataSource(unique("pm-ds"));
    createdDataSourceIds.push(id);
    return id;
  },
  user: async () => (await getDb().user.create({ data: { email: `${unique("pm-target")}@example.com`, name: "Target", passwordHash: "x", role: "EDITOR" } })).id,
};

interface Request {
  path: string;
  body?: unknown;
}

interface Case {
  /** The request a caller makes; `caller` lets a call use fresh things per caller (deletes, creates). */
  request: (caller: Caller) => Request | Promise<Request>;
  /** Status for callers who are allowed: a number, or "allowed" (neither 401 nor 403, nor a server error). */
  ok: number | "allowed";
  /** Public routes only: the status a signed-out caller gets for this request. */
  anonymous?: number;
}

/** One request per line of the matrix; TypeScript insists every line has one. */
const cases: Record<MatrixKey, Case> = {
  "GET /api/auth/[...nextauth]": { request: () => ({ path: "/api/auth/csrf" }), ok: 200, anonymous: 200 },
  "POST /api/auth/[...nextauth]": {
    // Without a CSRF token next-auth answers with the sign-in page's address, never a session.
    request: () => ({ path: "/api/auth/callback/credentials", body: { email: "nobody@example.com", password: "wrong", json: "true" } }),
    ok: 200,
    anonymous: 200,
  },
  // Other test files start and stop workers meanwhile, so this process beats as a worker of its own (see
  // beforeAll): the DB, Redis and a worker are up, and /api/health says 200 to everyone.
  "GET /api/health": { request: () => ({ path: "/api/health" }), ok: 200, anonymous: 200 },
  "POST /api/setup": { request: () => ({ path: "/api/setup", body: { name: "Late", email: `${unique("setup")}@example.com`, password } }), ok: 409, anonymous: 409 },
  "GET /api/invites/token/[token]": { request: () => ({ path: `/api/invites/token/${"x".repeat(43)}` }), ok: 404, anonymous: 404 },
  "POST /api/invites/token/[token]/accept": {
    request: () => ({ path: `/api/invites/token/${"x".repeat(43)}/accept`, body: { name: "Nobody", password } }),
    ok: 404,
    anonymous: 404,
  },
  "GET /api/share/[token]/results": { request: () => ({ path: `/api/share/${f.shareToken}/results` }), ok: 200, anonymous: 200 },
  // An unknown token: rendering a snapshot here would only test the renderer.
  "GET /api/share/[token]/image.png": { request: () => ({ path: `/api/share/${"x".repeat(43)}/image.png` }), ok: 404, anonymous: 404 },
  "GET /api/share/[token]/filters/[name]/options": { request: () => ({ path: `/api/share/${f.shareToken}/filters/region/options` }), ok: 200, anonymous: 200 },
  "GET /api/share/unfurl/[id]": { request: () => ({ path: `/api/share/unfurl/${f.dashboardId}` }), ok: 200, anonymous: 200 },
  // Without a valid signature nobody unsubscribes anyone, signed in or not.
  "POST /api/unsubscribe": {
    request: () => ({ path: `/api/unsubscribe?s=${f.subscriptionId}&e=team%40example.com&t=${"0".repeat(64)}` }),
    ok: 400,
    anonymous: 400,
  },
  // A session cookie is no bounce secret.
  "POST /api/digests/bounces": { request: () => ({ path: "/api/digests/bounces", body: { messageId: "<x@y>", recipient: "team@example.com", reason: "x" } }), ok: 401, anonymous: 401 },
  // A stored Slack image opens for anyone with its address, signed in or not (unknown tokens: digest-image.int.test.ts).
  "GET /api/digests/images/[file]": { request: () => ({ path: f.digestImagePath }), ok: 200, anonymous: 200 },

  "GET /api/charts/[id]": { request: () => ({ path: `/api/charts/${f.chartId}` }), ok: 200 },
  "GET /api/charts/[id]/csv": { request: () => ({ path: `/api/charts/${f.chartId}/csv?dashboard=${f.dashboardId}` }), ok: 200 },
  "PATCH /api/charts/[id]": { request: async () => ({ path: `/api/charts/${f.chartId}`, body: { version: await chartVersion(f.chartId), description: unique("d") } }), ok: 200 },
  "POST /api/charts": { request: () => ({ path: "/api/charts", body: { title: unique("chart"), sql: "select 2 as n", dataSourceId: f.dataSourceId } }), ok: 201 },
  "GET /api/charts/[id]/versions": { request: () => ({ path: `/api/charts/${f.chartId}/versions` }), ok: 200 },
  "GET /api/charts/[id]/versions/[version]": { request: () => ({ path: `/api/charts/${f.chartId}/versions/1` }), ok: 200 },
  "PATCH /api/charts/[id]/schedule": { request: () => ({ path: `/api/charts/${f.chartId}/schedule`, body: { mode: "interval", minutes: 120 } }), ok: 200 },
  "POST /api/charts/[id]/versions/[version]/restore": {
    request: async () => ({ path: `/api/charts/${f.chartId}/versions/1/restore`, body: { version: await chartVersion(f.chartId) } }),
    ok: 200,
  },

  "GET /api/dashboards": { request: () => ({ path: "/api/dashboards" }), ok: 200 },
  "POST /api/dashboards": { request: () => ({ path: "/api/dashboards", body: { title: unique("dash") } }), ok: 201 },
  "PATCH /api/dashboards/[id]": {
    request: async () => ({ path: `/api/dashboards/${f.dashboardId}`, body: { version: await dashboardVersion(f.dashboardId), description: unique("d") } }),
    ok: 200,
  },
  "PUT /api/dashboards/[id]/layout": {
    request: async () => {
      const tiles = await getDb().dashboardTile.findMany({ where: { dashboardId: f.dashboardId }, select: { id: true, kind: true, x: true, y: true, w: true, h: true } });
      return { path: `/api/dashboards/${f.dashboardId}/layout`, body: { version: await dashboardVersion(f.dashboardId), tiles } };
    },
    ok: 200,
  },
  "POST /api/dashboards/[id]/refresh": { request: () => ({ path: `/api/dashboards/${f.dashboardId}/refresh` }), ok: 202 },
  "GET /api/dashboards/[id]/results": { request: () => ({ path: `/api/dashboards/${f.dashboardId}/results` }), ok: 200 },
  "GET /api/dashboards/[id]/subscriptions": { request: () => ({ path: `/api/dashboards/${f.dashboardId}/subscriptions` }), ok: 200 },
  "POST /api/dashboards/[id]/subscriptions": {
    request: () => ({ path: `/api/dashboards/${f.dashboardId}/subscriptions`, body: { recipients: ["team@example.com"], cron: "0 8 * * *", timezone: "UTC" } }),
    ok: 201,
  },
  "GET /api/dashboards/[id]/subscriptions/recipients": { request: () => ({ path: `/api/dashboards/${f.dashboardId}/subscriptions/recipients` }), ok: 200 },
  "POST /api/dashboards/[id]/tiles": { request: () => ({ path: `/api/dashboards/${f.dashboardId}/tiles`, body: { chartId: f.chartId } }), ok: 201 },
  "GET /api/dashboards/[id]/versions": { request: () => ({ path: `/api/dashboards/${f.dashboardId}/versions` }), ok: 200 },
  "GET /api/dashboards/[id]/versions/[version]": { request: async () => ({ path: `/api/dashboards/${f.dashboardId}/versions/${await firstSavedLayout()}` }), ok: 200 },
  "POST /api/dashboards/[id]/versions/[version]/restore": {
    request: async () => ({
      path: `/api/dashboards/${f.dashboardId}/versions/${await firstSavedLayout()}/restore`,
      body: { version: await dashboardVersion(f.dashboardId) },
    }),
    ok: 200,
  },
  "GET /api/dashboards/[id]/download": { request: () => ({ path: `/api/dashboards/${f.dashboardId}/download?format=png` }), ok: 200 },
  "GET /api/dashboards/[id]/filters": { request: () => ({ path: `/api/dashboards/${f.dashboardId}/filters` }), ok: 200 },
  "PUT /api/dashboards/[id]/filters": {
    request: async () => ({ path: `/api/dashboards/${f.dashboardId}/filters`, body: { version: await dashboardVersion(f.dashboardId), filters: [regionFilter()] } }),
    ok: 200,
  },
  "GET /api/dashboards/[id]/filters/[name]/options": { request: () => ({ path: `/api/dashboards/${f.dashboardId}/filters/region/options` }), ok: 200 },
  "GET /api/dashboards/[id]/share-links": { request: () => ({ path: `/api/dashboards/${f.dashboardId}/share-links` }), ok: 200 },
  "POST /api/dashboards/[id]/share-links": { request: () => ({ path: `/api/dashboards/${f.dashboardId}/share-links`, body: {} }), ok: 201 },
  "DELETE /api/dashboards/[id]/share-links/[linkId]": {
    request: async () => ({ path: `/api/dashboards/${f.dashboardId}/share-links/${(await fresh.shareLink()).id}` }),
    ok: 200,
  },
  "POST /api/dashboards/[id]/share-links/[linkId]/rotate": {
    request: async () => ({ path: `/api/dashboards/${f.dashboardId}/share-links/${(await fresh.shareLink()).id}/rotate`, body: {} }),
    ok: 201,
  },

  "GET /api/data-sources": { request: () => ({ path: "/api/data-sources" }), ok: 200 },
  "POST /api/data-sources": { request: () => ({ path: "/api/data-sources", body: dataSourceForm(unique("pm-ds-new")) }), ok: 201 },
  "GET /api/data-sources/[id]": { request: () => ({ path: `/api/data-sources/${f.dataSourceId}` }), ok: 200 },
  "PATCH /api/data-sources/[id]": {
    request: async (caller) => ({ path: `/api/data-sources/${caller === "ADMIN" ? await fresh.dataSource() : f.dataSourceId}`, body: dataSourceForm(unique("pm-ds-renamed")) }),
    ok: 200,
  },
  "DELETE /api/data-sources/[id]": { request: async (caller) => ({ path: `/api/data-sources/${caller === "ADMIN" ? await fresh.dataSource() : f.dataSourceId}` }), ok: 204 },
  "GET /api/data-sources/[id]/schema": { request: () => ({ path: `/api/data-sources/${f.dataSourceId}/schema` }), ok: 200 },
  "POST /api/data-sources/test": { request: () => ({ path: "/api/data-sources/test", body: dataSourceForm("pm-test") }), ok: 200 },

  "GET /api/favourites": { request: () => ({ path: "/api/favourites" }), ok: 200 },
  "PUT /api/favourites": { request: () => ({ path: "/api/favourites", body: { kind: "dashboard", id: f.dashboardId, favourite: true } }), ok: 200 },

  "POST /api/queries/export": { request: () => ({ path: "/api/queries/export", body: { dataSourceId: f.dataSourceId, sql: "select 1 as n", filename: "pm" } }), ok: 200 },
  // Any id answers (another user's export, or none, is "unknown"): the role is what is checked.
  "GET /api/queries/export/[exportId]": { request: () => ({ path: `/api/queries/export/${crypto.randomUUID()}` }), ok: 200 },
  "GET /api/queries/history": { request: () => ({ path: "/api/queries/history" }), ok: 200 },
  "GET /api/queries/history/[id]": { request: () => ({ path: `/api/queries/history/${f.queryRunId}` }), ok: 200 },
  "POST /api/queries/run": { request: () => ({ path: "/api/queries/run", body: { dataSourceId: f.dataSourceId, sql: "select 3 as n" } }), ok: 200 },
  "POST /api/queries/runs/[runId]/cancel": { request: () => ({ path: `/api/queries/runs/${crypto.randomUUID()}/cancel` }), ok: 200 },

  "GET /api/search": { request: () => ({ path: "/api/search?q=matrix" }), ok: 200 },

  "GET /api/schedules/preview": { request: () => ({ path: `/api/schedules/preview?cron=${encodeURIComponent("0 8 * * 1-5")}&timezone=Europe%2FParis` }), ok: 200 },
  "GET /api/digests/next-runs": { request: () => ({ path: `/api/digests/next-runs?cron=${encodeURIComponent("0 8 * * 1-5")}&timezone=UTC` }), ok: 200 },
  "GET /api/digests/bounce-secret": { request: () => ({ path: "/api/digests/bounce-secret" }), ok: 200 },

  "GET /api/snippets": { request: () => ({ path: "/api/snippets" }), ok: 200 },
  "POST /api/snippets": { request: () => ({ path: "/api/snippets", body: { name: `pm_${slug}_${++seq}`, sql: "select 1" } }), ok: 201 },
  "PATCH /api/snippets/[id]": { request: async () => ({ path: `/api/snippets/${await fresh.snippet()}`, body: { description: "changed" } }), ok: 200 },
  "DELETE /api/snippets/[id]": { request: async () => ({ path: `/api/snippets/${await fresh.snippet()}` }), ok: 204 },

  "GET /api/subscriptions/[id]/deliveries": { request: () => ({ path: `/api/subscriptions/${f.subscriptionId}/deliveries` }), ok: 200 },
  "GET /api/subscriptions/[id]/events": { request: () => ({ path: `/api/subscriptions/${f.subscriptionId}/events` }), ok: 200 },
  "PATCH /api/subscriptions/[id]": { request: () => ({ path: `/api/subscriptions/${f.subscriptionId}`, body: { subjectTemplate: "Matrix {{dashboard}}" } }), ok: 200 },
  // Renders the dashboard and mails the caller (the web app has no SMTP server here: the outbox).
  "POST /api/subscriptions/[id]/test": { request: () => ({ path: `/api/subscriptions/${f.subscriptionId}/test` }), ok: 200 },
  "DELETE /api/subscriptions/[id]": {
    request: async (caller) => ({ path: `/api/subscriptions/${caller === "ADMIN" || caller === "EDITOR" ? await fresh.subscription() : f.subscriptionId}` }),
    ok: 200,
  },
  // A fresh subscription, so the shared one keeps the image its GET case opens.
  "DELETE /api/subscriptions/[id]/images": { request: async () => ({ path: `/api/subscriptions/${await fresh.subscription()}/images` }), ok: 200 },
  "POST /api/subscriptions/[id]/send": { request: () => ({ path: `/api/subscriptions/${f.subscriptionId}/send` }), ok: 202 },

  "GET /api/users": { request: () => ({ path: "/api/users" }), ok: 200 },
  "PATCH /api/users/[id]": { request: async () => ({ path: `/api/users/${await fresh.user()}`, body: { role: "VIEWER" } }), ok: 200 },
  "GET /api/invites": { request: () => ({ path: "/api/invites" }), ok: 200 },
  "POST /api/invites": { request: () => ({ path: "/api/invites", body: { email: `${unique("pm-invitee")}@example.com`, role: "EDITOR" } }), ok: 201 },
  "DELETE /api/invites/[id]": { request: async () => ({ path: `/api/invites/${await fresh.invite()}` }), ok: 204 },
  "POST /api/invites/[id]/link": { request: async () => ({ path: `/api/invites/${await fresh.invite()}/link` }), ok: 200 },
};

const asStatus = (v: number | string) => (v === "unauthorized" ? 401 : v === "forbidden" ? 403 : v);

/** Who gets in: the status each caller must see. */
function expected(key: MatrixKey, caller: Caller): number | "allowed" | "forbidden" | "unauthorized" {
  const access = API_MATRIX[key];
  const c = cases[key];
  if (access === "public") return caller === "anonymous" || caller === "deactivated" ? c.anonymous! : c.ok;
  if (caller === "anonymous" || caller === "deactivated") return "unauthorized";
  if (access === "admin" && caller !== "ADMIN") return "forbidden";
  if (access === "editor" && caller === "VIEWER") return "forbidden";
  return c.ok;
}

let heartbeat: { stop(): Promise<void> } | undefined;
let heartbeatRedis: Redis | undefined;

beforeAll(async () => {
  requireWebApp();
  heartbeatRedis = new Redis(getRuntimeEnv().REDIS_URL);
  heartbeat = startHeartbeat(heartbeatRedis, { queues: [QUEUES.refresh, QUEUES.digest], concurrency: 1 });
  for (const role of ["ADMIN", "EDITOR", "VIEWER"] as const) {
    const u = await makeUser(role, role.toLowerCase());
    cookies[role] = u.cookie;
    userIds[role] = u.id;
  }
  // Signed in while active, then deactivated: the cookie it holds must stop working.
  const gone = await makeUser("EDITOR", "Gone");
  cookies.deactivated = gone.cookie;
  userIds.deactivated = gone.id;
  expect((await call("GET", "/api/dashboards", gone.cookie)).status).toBe(200);
  await ok("PATCH", `/api/users/${gone.id}`, cookies.ADMIN, { active: false });

  const ds = await createTestDataSource(unique("pm-warehouse"));
  f.dataSourceId = ds.id;
  createdDataSourceIds.push(ds.id);
  f.chartId = (await ok("POST", "/api/charts", cookies.EDITOR, { title: unique("Matrix chart"), sql: "select 1 as n", dataSourceId: ds.id })).id as string;
  f.dashboardId = (await ok("POST", "/api/dashboards", cookies.EDITOR, { title: unique("Matrix dashboard") })).id as string;
  await ok("POST", `/api/dashboards/${f.dashboardId}/tiles`, cookies.EDITOR, { chartId: f.chartId });
  f.subscriptionId = await fresh.subscription();
  const delivery = await getDb().delivery.create({ data: { subscriptionId: f.subscriptionId, scheduledFor: new Date(), status: "sent" } });
  f.digestImagePath = new URL(await storeDigestImage(delivery.id, Buffer.from("\x89PNG\r\n\x1a\n", "latin1"))).pathname;
  await ok("PUT", `/api/dashboards/${f.dashboardId}/filters`, cookies.EDITOR, { version: await dashboardVersion(f.dashboardId), filters: [regionFilter()] });
  f.shareToken = new URL((await fresh.shareLink()).url).pathname.split("/").pop()!;
  await ok("POST", "/api/queries/run", cookies.EDITOR, { dataSourceId: ds.id, sql: "select 1 as matrix" });
  f.queryRunId = (await getDb().queryRun.findFirstOrThrow({ where: { userId: userIds.EDITOR }, select: { id: true } })).id;
});

afterAll(async () => {
  await heartbeat?.stop();
  heartbeatRedis?.disconnect();
  const db = getDb();
  const owners = { in: createdUserIds };
  // Subscriptions through the API, so their job schedulers leave Redis with them.
  for (const { id } of await db.subscription.findMany({ where: { dashboard: { ownerId: owners } }, select: { id: true } })) {
    await call("DELETE", `/api/subscriptions/${id}`, cookies.ADMIN);
  }
  await db.invite.deleteMany({ where: { email: { contains: stamp } } });
  await db.dashboard.deleteMany({ where: { ownerId: owners } });
  await db.chart.deleteMany({ where: { ownerId: owners } });
  await db.snippet.deleteMany({ where: { name: { contains: slug } } });
  await db.dataSource.deleteMany({ where: { OR: [{ id: { in: createdDataSourceIds } }, { name: { contains: stamp } }] } });
  await db.user.deleteMany({ where: { OR: [{ id: owners }, { email: { contains: stamp } }] } });
});

describe("every API route handler, as every kind of caller", () => {
  const callers: Caller[] = ["anonymous", "deactivated", "VIEWER", "EDITOR", "ADMIN"];
  it.each(Object.keys(API_MATRIX) as MatrixKey[])("%s", async (key) => {
    const { method, route } = splitKey(key);
    const seen: Record<string, number> = {};
    const want: Record<string, number | string> = {};
    for (const caller of callers) {
      const { path, body } = await cases[key].request(caller);
      const cookie = caller === "anonymous" ? "" : cookies[caller];
      const res = await call(method, path, cookie, body ?? (method === "GET" || method === "DELETE" ? undefined : {}));
      const expectation = expected(key, caller);
      seen[caller] = res.status;
      want[caller] = expectation;
      if (expectation === "unauthorized" && res.status === 401) {
        expect(res.json, `${caller} ${method} ${route}`).toEqual({ error: { code: "UNAUTHORIZED", message: "Sign in to continue." } });
      } else if (expectation === "forbidden" && res.status === 403) {
        expect((res.json?.error as { code?: string })?.code, `${caller} ${method} ${route}`).toBe("FORBIDDEN");
      } else if (expectation === "allowed" && res.status !== 401 && res.status !== 403 && res.status < 500) {
        want[caller] = res.status;
      } else if (asStatus(expectation) !== res.status) {
        console.error(`${caller} ${method} ${path} → ${res.status}: ${res.text.slice(0, 300)}`);
      }
    }
    // One comparison per route, so a failure shows the whole row of the matrix at once.
    expect(seen).toEqual(Object.fromEntries(Object.entries(want).map(([k, v]) => [k, asStatus(v)])));
    // Five callers in a row, and a download renders the dashboard for three of them.
  }, 120_000);

  it("a viewer's write attempts change nothing", async () => {
    const writes: { key: MatrixKey; method: string; req: Request }[] = [];
    for (const key of Object.keys(API_MATRIX) as MatrixKey[]) {
      const { method } = splitKey(key);
      if (method === "GET" || API_MATRIX[key] === "public" || API_MATRIX[key] === "signed-in") continue;
      writes.push({ key, method, req: await cases[key].request("VIEWER") });
    }
    const counts = async () => ({
      users: await getDb().user.count(),
      dashboards: await getDb().dashboard.count(),
      tiles: await getDb().dashboardTile.count(),
      charts: await getDb().chart.count(),
      snippets: await getDb().snippet.count(),
      subscriptions: await getDb().subscription.count(),
      invites: await getDb().invite.count(),
      dataSources: await getDb().dataSource.count(),
      dashboard: await getDb().dashboard.findUniqueOrThrow({ where: { id: f.dashboardId }, select: { version: true, title: true, description: true } }),
      chart: await getDb().chart.findUniqueOrThrow({ where: { id: f.chartId }, select: { version: true, description: true } }),
    });
    const before = await counts();
    for (const { key, method, req } of writes) {
      expect((await call(method, req.path, cookies.VIEWER, req.body)).status, key).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });
});

describe("deactivating an account", () => {
  it("ends its sessions at once: the next API call is 401 and the next page goes to sign-in", async () => {
    const user = await makeUser("EDITOR", "Dee");
    const second = await signInCookie(base(), user.email, password); // another browser
    expect((await call("GET", "/api/dashboards", user.cookie)).status).toBe(200);
    expect((await call("GET", "/dashboards", user.cookie)).status).toBe(200);

    expect((await call("PATCH", `/api/users/${user.id}`, cookies.ADMIN, { active: false })).status).toBe(200);

    for (const cookie of [user.cookie, second]) {
      expect((await call("GET", "/api/dashboards", cookie)).status).toBe(401);
      expect((await call("POST", "/api/snippets", cookie, { name: `pm_${slug}_dee`, sql: "select 1" })).status).toBe(401);
      const page = await call("GET", "/dashboards", cookie);
      expect(page.status).toBe(307);
      expect(new URL(page.location!, base()).pathname).toBe("/signin");
    }
    // Nor can they sign in again.
    await expect(signInCookie(base(), user.email, password)).rejects.toThrow(/failed/);
  });
});

describe("a private dashboard", () => {
  const title = `Matrix private ${slug}`;
  let privateId = "";
  let owner = "";
  let others: { who: string; cookie: string }[] = [];

  beforeAll(async () => {
    const alice = await makeUser("EDITOR", "Alice");
    owner = alice.cookie;
    others = [
      { who: "a viewer", cookie: cookies.VIEWER },
      { who: "another editor", cookie: (await makeUser("EDITOR", "Bob")).cookie },
    ];
    privateId = (await ok("POST", "/api/dashboards", owner, { title, description: "numbers nobody else may see" })).id as string;
    await ok("POST", `/api/dashboards/${privateId}/tiles`, owner, { chartId: f.chartId });
    await ok("PATCH", `/api/dashboards/${privateId}`, owner, { version: await dashboardVersion(privateId), isPrivate: true });
    expect((await getDb().dashboard.findUniqueOrThrow({ where: { id: privateId } })).isPrivate).toBe(true);
  });

  it("is listed and found for its owner", async () => {
    const list = await ok("GET", "/api/dashboards", owner);
    expect((list.dashboards as { id: string }[]).map((d) => d.id)).toContain(privateId);
    const found = await ok("GET", `/api/search?q=${encodeURIComponent(title)}`, owner);
    expect((found.results as { id: string }[]).map((r) => r.id)).toContain(privateId);
    expect((await call("GET", `/api/dashboards/${privateId}/results`, owner)).status).toBe(200);
  });

  it("does not appear to anyone else: list, search, by id, results, pages", async () => {
    for (const { who, cookie } of others) {
      const list = await call("GET", "/api/dashboards", cookie);
      expect(list.status, who).toBe(200);
      expect(list.text, who).not.toContain(privateId);
      expect(list.text, who).not.toContain(title);

      const found = await call("GET", `/api/search?q=${encodeURIComponent(title)}`, cookie);
      expect(found.status, who).toBe(200);
      expect(found.text, who).not.toContain(privateId);
      // The response repeats the query; no result may carry the dashboard's title.
      expect(JSON.stringify(found.json!.results), who).not.toContain(title);

      // Everything addressed by its id answers 404, exactly like a dashboard that does not exist.
      const notFound = { error: { code: "NOT_FOUND", message: "Dashboard not found" } };
      for (const [method, path, body] of [
        ["GET", `/api/dashboards/${privateId}/results`],
        ["POST", `/api/dashboards/${privateId}/refresh`],
        ["GET", `/api/dashboards/${privateId}/subscriptions`],
        ["PATCH", `/api/dashboards/${privateId}`, { version: 1, title: "taken" }],
        ["POST", `/api/dashboards/${privateId}/tiles`, { chartId: f.chartId }],
        ["PUT", `/api/favourites`, { kind: "dashboard", id: privateId, favourite: true }],
        ["GET", `/api/dashboards/${privateId}/versions`],
        ["GET", `/api/dashboards/${privateId}/filters`],
        ["GET", `/api/dashboards/${privateId}/share-links`],
        ["GET", `/api/dashboards/${privateId}/download?format=png`],
        ["GET", `/api/charts/${f.chartId}/csv?dashboard=${privateId}`],
      ] as const) {
        const res = await call(method, path, cookie, body);
        // A viewer may hear 403 on writes before the lookup; never 200, never the dashboard's content.
        expect(res.status === 404 || (who === "a viewer" && res.status === 403), `${who}: ${method} ${path} → ${res.status}`).toBe(true);
        if (res.status === 404) expect(res.json, `${who}: ${method} ${path}`).toEqual(notFound);
        expect(res.text).not.toContain(title);
      }
      // TODO(dashboards GET by id): app/api/dashboards/[id]/route.ts has no GET handler yet; when one is
      // added, the route-walk unit test asks for it in the matrix, and this line should assert its 404:
      // expect((await call("GET", `/api/dashboards/${privateId}`, cookie)).status).toBe(404);

      const page = await call("GET", `/dashboards/${privateId}`, cookie);
      expect(page.status, who).toBe(404);
      expect(page.text).not.toContain(title);
      const listPage = await call("GET", "/dashboards", cookie);
      expect(listPage.status, who).toBe(200);
      expect(listPage.text).not.toContain(title);
    }
  });
});

describe("another editor's dashboard and chart", () => {
  // As in Periscope: editors edit everyone's (non-private) work; viewers edit nobody's.
  let dashboardId = "";
  let chartId = "";
  let author = { id: "", cookie: "" };
  let colleague = { id: "", cookie: "" };

  beforeAll(async () => {
    author = await makeUser("EDITOR", "Author");
    colleague = await makeUser("EDITOR", "Colleague");
    chartId = (await ok("POST", "/api/charts", author.cookie, { title: unique("Author chart"), sql: "select 1 as n", dataSourceId: f.dataSourceId })).id as string;
    dashboardId = (await ok("POST", "/api/dashboards", author.cookie, { title: unique("Author dashboard") })).id as string;
    await ok("POST", `/api/dashboards/${dashboardId}/tiles`, author.cookie, { chartId });
  });

  /** Every edit one person can make to the author's dashboard and chart, at their current versions. */
  async function edits(tag: string) {
    const tiles = await getDb().dashboardTile.findMany({ where: { dashboardId }, select: { id: true, kind: true, x: true, y: true, w: true, h: true } });
    const wider = tiles.map((t) => ({ ...t, w: t.w === 6 ? 12 : 6 }));
    return [
      ["PATCH", `/api/dashboards/${dashboardId}`, () => dashboardVersion(dashboardId).then((version) => ({ version, title: `Renamed by ${tag}` }))],
      ["PUT", `/api/dashboards/${dashboardId}/layout`, () => dashboardVersion(dashboardId).then((version) => ({ version, tiles: wider }))],
      ["PUT", `/api/dashboards/${dashboardId}/filters`, () => dashboardVersion(dashboardId).then((version) => ({ version, filters: [regionFilter()] }))],
      ["POST", `/api/dashboards/${dashboardId}/tiles`, async () => ({ chartId })],
      ["PATCH", `/api/charts/${chartId}`, () => chartVersion(chartId).then((version) => ({ version, sql: `select 2 as n -- ${tag}`, description: `Edited by ${tag}` }))],
    ] as const;
  }

  const state = async () => ({
    dashboard: await getDb().dashboard.findUniqueOrThrow({ where: { id: dashboardId }, select: { title: true, version: true, filters: true, updatedById: true } }),
    tiles: await getDb().dashboardTile.findMany({ where: { dashboardId }, select: { w: true }, orderBy: { position: "asc" } }),
    chart: await getDb().chart.findUniqueOrThrow({ where: { id: chartId }, select: { sql: true, description: true, version: true, updatedById: true, ownerId: true } }),
  });

  it("a viewer cannot edit them: 403 for every edit, and nothing changes", async () => {
    const before = await state();
    for (const [method, path, body] of await edits("viewer")) {
      expect((await call(method, path, cookies.VIEWER, await body())).status, `${method} ${path}`).toBe(403);
    }
    expect(await state()).toEqual(before);
  });

  it("another editor edits both, and is recorded as the last editor while the author stays the owner", async () => {
    const before = await state();
    for (const [method, path, body] of await edits("colleague")) {
      const res = await call(method, path, colleague.cookie, await body());
      expect(res.status, `${method} ${path}: ${res.text.slice(0, 200)}`).toBe(method === "POST" ? 201 : 200);
    }
    const after = await state();
    expect(after.dashboard).toMatchObject({ title: "Renamed by colleague", updatedById: colleague.id, filters: [regionFilter()] });
    expect(after.dashboard.version).toBe(before.dashboard.version + 4);
    expect(after.tiles.map((t) => t.w)).toEqual([12, 6]);
    expect(after.chart).toEqual({
      sql: "select 2 as n -- colleague",
      description: "Edited by colleague",
      version: before.chart.version + 1,
      updatedById: colleague.id,
      ownerId: author.id,
    });
  });
});
