// Public share links against the real app DB and warehouse: who may manage them, create/list/revoke/rotate,
// which tokens open a dashboard (revoked, expired, unknown: none), what the public view leaves out, and
// the CSV of a cached chart result byte for byte.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDashboardView } from "@/lib/dashboards/get-dashboard-view";
import { disconnectDb, getDb } from "@/lib/db";
import { exportQueryCsv } from "@/lib/export/export-query-csv";
import { refreshDashboard } from "@/lib/refresh/refresh-dashboard";
import { expectAppError } from "@/lib/testing/expect-app-error";
import { createTestDashboard, createTestDataSource } from "@/lib/testing/fixtures";
import { createShareLink } from "./create-share-link";
import { getChartCsv } from "./get-chart-csv";
import { listShareLinks } from "./list-share-links";
import { findPublicDashboard, PUBLIC_REFRESH_ERROR, toPublicDashboardView } from "./public-dashboard-view";
import { LAST_USED_RESOLUTION_MS, resolveShareToken } from "./resolve-share-link";
import { revokeShareLink } from "./revoke-share-link";
import { rotateShareLink } from "./rotate-share-link";
import type { ShareLinkView } from "./schemas";
import { internalDashboardMetadata, HIDDEN_DASHBOARD_TITLE } from "./unfurl-metadata";

const SQL_MARKER = "sql_marker_7f3a";
// A result whose every value comes back from the JSON cache exactly as PostgreSQL printed it.
const CSV_SQL = `/* ${SQL_MARKER} */
select 1 as id, 'plain' as t, 'say "hi", then go' as q, E'two\\nlines' as ml, ''::text as empty, null::int as nothing,
       true as yes, 2.5::float8 as f, 0.00001::float8 as tiny, 12345678901234567890::numeric as big, 1.25::numeric as n,
       date '2024-02-29' as d, timestamp '2024-01-05 13:45:00.5' as ts, timestamptz '2024-01-05 13:45:00.12+02' as tstz,
       '{"b": 1, "a": [1, 2], "10": null}'::jsonb as j, interval '1 day 2 hours' as iv, array[1, 2] as arr
union all
select 2, 'x,y', '', '', null, 3, false, 1e15::float8, -0.5::float8, -7::numeric, 0.001::numeric,
       date '1999-12-31', timestamp '2024-01-05 00:00:00', timestamptz '2024-07-01 00:00:00+00',
       '[]'::jsonb, interval '00:00:01', array[]::int[]`;
// What `psql -c "\copy (<CSV_SQL>) to stdout csv header"` printed (PostgreSQL 18, TimeZone UTC).
const CSV_EXPECTED =
  "id,t,q,ml,empty,nothing,yes,f,tiny,big,n,d,ts,tstz,j,iv,arr\n" +
  '1,plain,"say ""hi"", then go","two\nlines","",,t,2.5,1e-05,12345678901234567890,1.25,2024-02-29,2024-01-05 13:45:00.5,2024-01-05 11:45:00.12+00,"{""a"": [1, 2], ""b"": 1, ""10"": null}",1 day 02:00:00,"{1,2}"\n' +
  '2,"x,y","","",,3,f,1e+15,-0.5,-7,0.001,1999-12-31,2024-01-05 00:00:00,2024-07-01 00:00:00+00,[],00:00:01,{}\n';

const users = {} as Record<"owner" | "editor" | "admin" | "viewer", SessionUser>;
const dashboardIds: string[] = [];

function tokenOf(link: ShareLinkView): string {
  expect(link.url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
  return link.url!.split("/share/")[1];
}

async function newDashboard(opts: { isPrivate?: boolean; ownerId?: string; charts?: { title: string; sql: string }[] } = {}) {
  const ds = await createTestDataSource();
  const { dashboard, charts } = await createTestDashboard({
    dataSourceId: ds.id,
    title: `Share test ${dashboardIds.length + 1}`,
    charts: opts.charts ?? [{ title: "Signups", sql: `select 1 as n -- ${SQL_MARKER}` }],
  });
  dashboardIds.push(dashboard.id);
  await getDb().dashboard.update({
    where: { id: dashboard.id },
    data: { isPrivate: opts.isPrivate ?? false, ownerId: opts.ownerId ?? users.owner.id, description: "Weekly **numbers**" },
  });
  return { dashboard, charts };
}

beforeAll(async () => {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  for (const [key, role] of [["owner", "EDITOR"], ["editor", "EDITOR"], ["admin", "ADMIN"], ["viewer", "VIEWER"]] as const) {
    const u = await getDb().user.create({ data: { email: `share-${key}-${stamp}@example.com`, name: `Share ${key}`, passwordHash: "x", role } });
    users[key] = { id: u.id, email: u.email, name: u.name, role: u.role };
  }
});

afterAll(async () => {
  await getDb().dashboard.deleteMany({ where: { id: { in: dashboardIds } } });
  await getDb().user.deleteMany({ where: { id: { in: Object.values(users).map((u) => u.id) } } });
  await disconnectDb();
});

describe("managing public links", () => {
  it("creates, lists, revokes and rotates, keeping who and when", async () => {
    const { dashboard } = await newDashboard();
    const expiresAt = new Date(Date.now() + 7 * 86_400_000);
    const first = await createShareLink(users.editor, dashboard.id, { expiresAt });
    expect(first).toMatchObject({
      dashboardId: dashboard.id,
      status: "active",
      createdBy: { id: users.editor.id, name: "Share editor" },
      expiresAt: expiresAt.toISOString(),
      revokedAt: null,
      lastUsedAt: null,
    });
    const second = await createShareLink(users.owner, dashboard.id, { expiresAt: null });
    expect(tokenOf(second)).not.toBe(tokenOf(first));

    // The database keeps a hash and a ciphertext, never the token itself.
    const row = await getDb().shareLink.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(tokenOf(first));

    expect((await listShareLinks(users.editor, dashboard.id)).map((l) => l.id)).toEqual([second.id, first.id]);

    const revoked = await revokeShareLink(users.owner, dashboard.id, second.id);
    expect(revoked).toMatchObject({ id: second.id, status: "revoked", url: null });
    // Revoking again is harmless and keeps the first time.
    expect((await revokeShareLink(users.owner, dashboard.id, second.id)).revokedAt).toBe(revoked.revokedAt);
    expect(await resolveShareToken(tokenOf(second))).toBeNull();

    const rotated = await rotateShareLink(users.editor, dashboard.id, first.id);
    expect(rotated.revoked).toMatchObject({ id: first.id, status: "revoked" });
    expect(rotated.link).toMatchObject({ status: "active", expiresAt: expiresAt.toISOString(), createdBy: { id: users.editor.id } });
    expect(await resolveShareToken(tokenOf(first))).toBeNull();
    expect(await resolveShareToken(tokenOf(rotated.link))).toEqual({ linkId: rotated.link.id, dashboardId: dashboard.id });
    // A revoked link cannot be rotated again (only one replacement per link).
    expect((await expectAppError(rotateShareLink(users.editor, dashboard.id, first.id))).code).toBe("CONFLICT");

    const listed = await listShareLinks(users.admin, dashboard.id);
    expect(listed.map((l) => [l.id, l.status])).toEqual([
      [rotated.link.id, "active"],
      [second.id, "revoked"],
      [first.id, "revoked"],
    ]);
  });

  it("lets only editors and admins manage links (viewers: FORBIDDEN)", async () => {
    const { dashboard } = await newDashboard();
    expect((await expectAppError(createShareLink(users.viewer, dashboard.id, { expiresAt: null }))).code).toBe("FORBIDDEN");
    expect((await expectAppError(listShareLinks(users.viewer, dashboard.id))).code).toBe("FORBIDDEN");
    const link = await createShareLink(users.editor, dashboard.id, { expiresAt: null });
    expect((await expectAppError(revokeShareLink(users.viewer, dashboard.id, link.id))).code).toBe("FORBIDDEN");
    expect((await expectAppError(rotateShareLink(users.viewer, dashboard.id, link.id))).code).toBe("FORBIDDEN");
    // A link of another dashboard is not found through this one.
    const other = await newDashboard();
    expect((await expectAppError(revokeShareLink(users.editor, other.dashboard.id, link.id))).code).toBe("NOT_FOUND");
  });

  it("shares a private dashboard only by its owner or an admin, and kills older links when it turns private", async () => {
    const { dashboard } = await newDashboard({ isPrivate: false });
    const byEditor = await createShareLink(users.editor, dashboard.id, { expiresAt: null });
    const byOwner = await createShareLink(users.owner, dashboard.id, { expiresAt: null });
    const byAdmin = await createShareLink(users.admin, dashboard.id, { expiresAt: null });
    await getDb().dashboard.update({ where: { id: dashboard.id }, data: { isPrivate: true } });

    expect((await expectAppError(createShareLink(users.editor, dashboard.id, { expiresAt: null }))).code).toBe("NOT_FOUND");
    expect((await createShareLink(users.owner, dashboard.id, { expiresAt: null })).status).toBe("active");
    expect((await createShareLink(users.admin, dashboard.id, { expiresAt: null })).status).toBe("active");

    expect(await resolveShareToken(tokenOf(byEditor))).toBeNull();
    expect(await resolveShareToken(tokenOf(byOwner))).not.toBeNull();
    expect(await resolveShareToken(tokenOf(byAdmin))).not.toBeNull();
  });
});

describe("resolving a token", () => {
  it("opens nothing for an expired, unknown or malformed token", async () => {
    const { dashboard } = await newDashboard();
    const now = new Date();
    const link = await createShareLink(users.editor, dashboard.id, { expiresAt: new Date(now.getTime() + 60_000) }, now);
    const token = tokenOf(link);
    expect(await resolveShareToken(token, new Date(now.getTime() + 59_000))).not.toBeNull();
    expect(await resolveShareToken(token, new Date(now.getTime() + 60_000))).toBeNull();
    expect((await listShareLinks(users.editor, dashboard.id, new Date(now.getTime() + 61_000)))[0]).toMatchObject({ status: "expired", url: null });

    const unknown = `${token.slice(0, 42)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await resolveShareToken(unknown)).toBeNull();
    expect(await resolveShareToken("not-a-token")).toBeNull();
    expect(await resolveShareToken(`${token}x`)).toBeNull();
  });

  it("records the last use at most once a minute", async () => {
    const { dashboard } = await newDashboard();
    const t0 = new Date(Date.now() + 1000);
    const link = await createShareLink(users.editor, dashboard.id, { expiresAt: null });
    const lastUsed = async () => (await getDb().shareLink.findUniqueOrThrow({ where: { id: link.id } })).lastUsedAt?.toISOString();
    await resolveShareToken(tokenOf(link), t0);
    expect(await lastUsed()).toBe(t0.toISOString());
    await resolveShareToken(tokenOf(link), new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toBe(t0.toISOString());
    const later = new Date(t0.getTime() + LAST_USED_RESOLUTION_MS + 1);
    await resolveShareToken(tokenOf(link), later);
    expect(await lastUsed()).toBe(later.toISOString());
  });
});

describe("what a public link shows", () => {
  it("never carries SQL: not in the dashboard view, not in filter definitions, not in error texts", async () => {
    const { dashboard, charts } = await newDashboard({
      charts: [
        { title: "Works", sql: `select 42 as answer -- ${SQL_MARKER}` },
        { title: "Breaks", sql: `select * from ${SQL_MARKER}_missing_table` },
      ],
    });
    await getDb().dashboard.update({
      where: { id: dashboard.id },
      data: {
        filters: [
          { type: "select", name: "region", label: "Region", options: { dataSourceId: charts[0].dataSourceId, sql: `select 'EMEA' -- ${SQL_MARKER}` } },
          { type: "text", name: "q", label: "Search" },
        ],
      },
    });
    await refreshDashboard(dashboard.id, "manual");

    const internal = (await getDashboardView(dashboard.id))!;
    // The view the signed-in page reads has no chart SQL today: the filters' options query is its only SQL,
    // and the failed chart's error quotes the SQL, which is why the public view rewrites both.
    expect(JSON.stringify(internal.tiles)).not.toContain(`answer -- ${SQL_MARKER}`);
    expect(JSON.stringify(internal.tiles.map((t) => t.chart))).not.toContain(SQL_MARKER);
    expect(JSON.stringify(internal.filters)).toContain(SQL_MARKER);
    expect(internal.tiles.find((t) => t.chart?.title === "Breaks")?.result?.lastError).toContain(`${SQL_MARKER}_missing_table`);

    const link = await createShareLink(users.editor, dashboard.id, { expiresAt: null });
    const found = (await findPublicDashboard(tokenOf(link)))!;
    const text = JSON.stringify(found);
    expect(text).not.toContain(SQL_MARKER);
    expect(text).not.toContain(charts[0].dataSourceId);
    expect(found.view.filters).toEqual([
      { type: "select", name: "region", label: "Region" },
      { type: "text", name: "q", label: "Search" },
    ]);
    const breaks = found.view.tiles.find((t) => t.chart?.title === "Breaks")!;
    expect(breaks.result?.lastError).toBe(PUBLIC_REFRESH_ERROR);
    const works = found.view.tiles.find((t) => t.chart?.title === "Works")!;
    expect(works.result?.rows).toEqual([[42]]);
    expect(works.chart).toMatchObject({ ownerName: null, updatedByName: null });
  });

  it("builds the public view field by field, so new private fields do not leak", () => {
    const view = toPublicDashboardView({
      id: "d1",
      title: "T",
      description: "",
      refreshIntervalMinutes: 60,
      version: 1,
      loadedAt: 0,
      tiles: [],
      ...({ sql: "select secret" } as object),
    } as Parameters<typeof toPublicDashboardView>[0]);
    expect(JSON.stringify(view)).not.toContain("secret");
  });

  it("gives an internal link's crawlers the title only, and not even that for a private dashboard", async () => {
    const { dashboard } = await newDashboard();
    const meta = await internalDashboardMetadata(dashboard.id);
    expect(meta).toMatchObject({ title: { absolute: `${dashboard.title} · Spyglass` }, description: null, openGraph: { title: dashboard.title } });
    expect(JSON.stringify(meta)).not.toContain("Weekly");
    expect(JSON.stringify(meta)).not.toMatch(/image/i);

    const hidden = await newDashboard({ isPrivate: true });
    expect(await internalDashboardMetadata(hidden.dashboard.id)).toMatchObject({ title: { absolute: HIDDEN_DASHBOARD_TITLE } });
    expect(await internalDashboardMetadata("no-such-dashboard")).toMatchObject({ title: { absolute: HIDDEN_DASHBOARD_TITLE } });
  });
});

describe("CSV of a chart's cached result", () => {
  it("matches psql's CSV byte for byte", async () => {
    const { dashboard, charts } = await newDashboard({ charts: [{ title: 'Odd / "values" chart', sql: CSV_SQL }] });
    await refreshDashboard(dashboard.id, "manual");
    const file = await getChartCsv(users.viewer, charts[0].id, dashboard.id);
    expect(file.filename).toBe("Odd-values-chart.csv");
    expect(file.rowCount).toBe(2);
    expect(file.csv).toBe(CSV_EXPECTED);

    // The app's own full export (PostgreSQL writes it with COPY) says the same.
    const stream = await exportQueryCsv({ dataSourceId: charts[0].dataSourceId, text: CSV_SQL, values: [] });
    expect(await new Response(stream).text()).toBe(CSV_EXPECTED);
  });

  it("needs the chart to be on a dashboard the user can see", async () => {
    const { dashboard, charts } = await newDashboard({ isPrivate: true });
    await refreshDashboard(dashboard.id, "manual");
    expect((await getChartCsv(users.owner, charts[0].id, dashboard.id)).csv).toBe("n\n1\n");
    expect((await expectAppError(getChartCsv(users.viewer, charts[0].id, dashboard.id))).code).toBe("NOT_FOUND");
    const other = await newDashboard();
    expect((await expectAppError(getChartCsv(users.viewer, charts[0].id, other.dashboard.id))).code).toBe("NOT_FOUND");
  });

  it("says so when the chart has no data yet", async () => {
    const { dashboard, charts } = await newDashboard();
    const err = await expectAppError(getChartCsv(users.viewer, charts[0].id, dashboard.id));
    expect(err).toMatchObject({ code: "CONFLICT" });
    expect(err.message).toContain("no data yet");
  });
});
