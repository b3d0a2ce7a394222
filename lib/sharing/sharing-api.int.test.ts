// Sharing on the real web app (`next start`): the share-link API and its permissions, the public page with
// its Open Graph / Twitter tags and no SQL, the public results and image endpoints, one identical 404 for
// revoked, expired and unknown tokens, the internal-link unfurl page, CSV, PNG and PDF downloads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { refreshDashboard } from "@/lib/refresh/refresh-dashboard";
import { closeBrowser } from "@/lib/render/browser";
import { pngSize } from "@/lib/render/render-page";
import { createTestDashboard, createTestDataSource, signInCookie } from "@/lib/testing/fixtures";
import { requireWebApp } from "@/lib/testing/web-app";
import { getDashboardImage, renderDashboardImage } from "./dashboard-image";
import type { ShareLinkView } from "./schemas";

const SQL_MARKER = "sql_marker_b91c";
const SLACKBOT = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
const password = "correct horse battery";
const base = () => getRuntimeEnv().APP_URL;

const cookies = {} as Record<"editor" | "viewer", string>;
const userIds: string[] = [];
let dashboardId: string;
let chartId: string;
let privateDashboardId: string;

async function api(cookie: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base()}${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

async function createLink(body: unknown = {}): Promise<{ link: ShareLinkView; token: string }> {
  const res = await api(cookies.editor, "POST", `/api/dashboards/${dashboardId}/share-links`, body);
  expect(res.status).toBe(201);
  const link = res.body!.link as ShareLinkView;
  return { link, token: link.url!.split("/share/")[1] };
}

/** Status and body of the page, the results and the image of a token. */
async function publicResponses(token: string) {
  const page = await fetch(`${base()}/share/${token}`, { headers: { "user-agent": SLACKBOT } });
  const results = await fetch(`${base()}/api/share/${token}/results`);
  const image = await fetch(`${base()}/api/share/${token}/image.png`);
  return {
    page: { status: page.status, text: await page.text() },
    results: { status: results.status, text: await results.text() },
    image: { status: image.status, text: await image.text() },
  };
}

beforeAll(async () => {
  requireWebApp();
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const hash = await hashPassword(password);
  for (const role of ["EDITOR", "VIEWER"] as const) {
    const email = `share-api-${role.toLowerCase()}-${stamp}@example.com`;
    const u = await getDb().user.create({ data: { email, name: `Share ${role}`, passwordHash: hash, role } });
    userIds.push(u.id);
    cookies[role === "EDITOR" ? "editor" : "viewer"] = await signInCookie(base(), email, password);
  }
  const ds = await createTestDataSource();
  const made = await createTestDashboard({
    dataSourceId: ds.id,
    title: "Weekly <KPIs> & growth",
    charts: [
      { title: "Signups by week", sql: `select w, n from (values ('2024-01-01', 10), ('2024-01-08', 14)) as t(w, n) -- ${SQL_MARKER}`, vizType: "bar" },
      { title: "Big number", sql: `select 1234 as total /* ${SQL_MARKER} */`, vizType: "number" },
    ],
  });
  dashboardId = made.dashboard.id;
  chartId = made.charts[0].id;
  await getDb().dashboard.update({ where: { id: dashboardId }, data: { description: "Signups and *revenue*, every Monday." } });
  await refreshDashboard(dashboardId, "manual");

  const hidden = await createTestDashboard({ dataSourceId: ds.id, title: "Secret plans", charts: [{ title: "One", sql: "select 1 as n" }] });
  privateDashboardId = hidden.dashboard.id;
  await getDb().dashboard.update({ where: { id: privateDashboardId }, data: { isPrivate: true, ownerId: userIds[0] } });
});

afterAll(async () => {
  await getDb().dashboard.deleteMany({ where: { id: { in: [dashboardId, privateDashboardId].filter(Boolean) } } });
  await getDb().user.deleteMany({ where: { id: { in: userIds } } });
  await closeBrowser();
  await disconnectDb();
});

describe("share-link API", () => {
  it("needs a session, and an editor: viewers get 403", async () => {
    expect((await api(null, "GET", `/api/dashboards/${dashboardId}/share-links`)).status).toBe(401);
    expect((await api(null, "POST", `/api/dashboards/${dashboardId}/share-links`, {})).status).toBe(401);
    expect((await api(cookies.viewer, "POST", `/api/dashboards/${dashboardId}/share-links`, {})).status).toBe(403);
    expect((await api(cookies.viewer, "GET", `/api/dashboards/${dashboardId}/share-links`)).status).toBe(403);
    expect((await api(cookies.editor, "POST", `/api/dashboards/no-such-dashboard/share-links`, {})).status).toBe(404);
  });

  it("validates the expiry", async () => {
    const past = await api(cookies.editor, "POST", `/api/dashboards/${dashboardId}/share-links`, { expiresAt: "2020-01-01T00:00:00Z" });
    expect(past.status).toBe(422);
    expect(JSON.stringify(past.body)).toContain("Choose an expiry in the future.");
    expect((await api(cookies.editor, "POST", `/api/dashboards/${dashboardId}/share-links`, { expiresAt: "tomorrow" })).status).toBe(422);
  });

  it("creates, lists, rotates and revokes", async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const { link, token } = await createLink({ expiresAt });
    expect(link).toMatchObject({ status: "active", expiresAt, createdBy: { name: "Share EDITOR" } });
    expect(link.url).toBe(`${base()}/share/${token}`);

    const listed = await api(cookies.editor, "GET", `/api/dashboards/${dashboardId}/share-links`);
    expect(listed.status).toBe(200);
    expect((listed.body!.links as ShareLinkView[]).map((l) => l.id)).toContain(link.id);

    const rotated = await api(cookies.editor, "POST", `/api/dashboards/${dashboardId}/share-links/${link.id}/rotate`);
    expect(rotated.status).toBe(201);
    const fresh = rotated.body!.link as ShareLinkView;
    expect(rotated.body!.revoked).toMatchObject({ id: link.id, status: "revoked" });
    expect(fresh).toMatchObject({ status: "active", expiresAt });
    expect((await fetch(`${base()}/api/share/${token}/results`)).status).toBe(404);
    const freshToken = fresh.url!.split("/share/")[1];
    expect((await fetch(`${base()}/api/share/${freshToken}/results`)).status).toBe(200);

    const revoked = await api(cookies.editor, "DELETE", `/api/dashboards/${dashboardId}/share-links/${fresh.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body!.link).toMatchObject({ id: fresh.id, status: "revoked", url: null });
    expect((await fetch(`${base()}/api/share/${freshToken}/results`)).status).toBe(404);
  });
});

describe("the public page", () => {
  it("shows the dashboard with Open Graph and Twitter tags, and none of its SQL", async () => {
    const { token } = await createLink();
    const res = await fetch(`${base()}/share/${token}`, { headers: { "user-agent": SLACKBOT } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const head = html.slice(0, html.indexOf("</head>"));
    const image = `${base()}/api/share/${token}/image.png`;
    // Link-preview bots get the metadata in <head>, where they look for it.
    expect(head).toContain('<meta property="og:title" content="Weekly &lt;KPIs&gt; &amp; growth"/>');
    expect(head).toContain('<meta property="og:description" content="Signups and revenue, every Monday."/>');
    expect(head).toContain(`<meta property="og:image" content="${image}"/>`);
    expect(head).toContain('<meta property="og:type" content="website"/>');
    expect(head).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(head).toContain('<meta name="twitter:title" content="Weekly &lt;KPIs&gt; &amp; growth"/>');
    expect(head).toContain(`<meta name="twitter:image" content="${image}"/>`);
    expect(head).toContain('<meta name="referrer" content="no-referrer"/>');
    expect(head).toContain("<title>Weekly &lt;KPIs&gt; &amp; growth</title>");
    // The dashboard itself, read-only.
    expect(html).toContain("Signups by week");
    expect(html).toContain("Read-only");
    expect(html).not.toContain(SQL_MARKER);
    expect(html).not.toMatch(/select w, n from/i);

    const results = await fetch(`${base()}/api/share/${token}/results`);
    expect(results.status).toBe(200);
    const text = await results.text();
    expect(text).not.toContain(SQL_MARKER);
    expect((JSON.parse(text) as { tiles: { result: { rows: unknown[][] } | null }[] }).tiles[0].result?.rows).toEqual([
      ["2024-01-01", 10],
      ["2024-01-08", 14],
    ]);
  });

  it("serves the latest snapshot as the unfurl image", async () => {
    const { token } = await createLink();
    const res = await fetch(`${base()}/api/share/${token}/image.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await res.arrayBuffer());
    expect(pngSize(png).width).toBe(2560);
    const stored = await getDb().dashboardImage.findUniqueOrThrow({ where: { dashboardId } });
    expect(stored.width).toBe(2560);
    // A second request is served from the stored image.
    const again = await fetch(`${base()}/api/share/${token}/image.png`);
    expect(again.headers.get("last-modified")).toBe(stored.renderedAt.toUTCString());
  }, 90_000);

  it("re-renders a snapshot older than the data, serving the previous one meanwhile", async () => {
    const first = await getDashboardImage(dashboardId, { waitMs: 60_000, waitWhenMissingMs: 60_000 });
    expect(first).not.toBeNull();
    // Fresh: served as stored, no render.
    expect((await getDashboardImage(dashboardId, { waitMs: 0, waitWhenMissingMs: 0 }))?.renderedAt).toEqual(first!.renderedAt);

    await getDb().chartResult.updateMany({ where: { chartId }, data: { computedAt: new Date(first!.renderedAt.getTime() + 1000) } });
    const meanwhile = await getDashboardImage(dashboardId, { waitMs: 0, waitWhenMissingMs: 0 });
    expect(meanwhile?.renderedAt).toEqual(first!.renderedAt);
    // The render started above carries on; joining it gives the new image.
    const fresh = await renderDashboardImage(dashboardId);
    expect(fresh.renderedAt.getTime()).toBeGreaterThan(first!.renderedAt.getTime());
    expect((await getDb().dashboardImage.findUniqueOrThrow({ where: { dashboardId } })).renderedAt).toEqual(fresh.renderedAt);
  }, 120_000);

  it("answers a revoked, an expired and an unknown token with the same 404 on page, results and image", async () => {
    const revoked = await createLink();
    await api(cookies.editor, "DELETE", `/api/dashboards/${dashboardId}/share-links/${revoked.link.id}`);
    const expired = await createLink({ expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await getDb().shareLink.update({ where: { id: expired.link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const unknown = "A".repeat(43);

    const answers = await Promise.all([revoked.token, expired.token, unknown, "short"].map(publicResponses));
    for (const a of answers) {
      expect([a.page.status, a.results.status, a.image.status]).toEqual([404, 404, 404]);
      expect(a.results.text).toBe(answers[0].results.text);
      expect(a.image.text).toBe(answers[0].image.text);
      expect(a.page.text).toContain("This link is not available");
      expect(a.page.text).not.toContain("Weekly");
    }
    expect(JSON.parse(answers[0].results.text)).toEqual({ error: { code: "NOT_FOUND", message: "This link does not exist or is no longer shared." } });
  });
});

describe("internal link unfurls", () => {
  it("shows the title only, and a neutral title for a private dashboard", async () => {
    const res = await fetch(`${base()}/api/share/unfurl/${dashboardId}`, { headers: { "user-agent": SLACKBOT } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<meta property="og:title" content="Weekly &lt;KPIs&gt; &amp; growth">');
    expect(html).not.toMatch(/description|og:image|Signups/);

    const hidden = await (await fetch(`${base()}/api/share/unfurl/${privateDashboardId}`)).text();
    expect(hidden).toContain('<meta property="og:title" content="Spyglass dashboard">');
    expect(hidden).not.toContain("Secret");
  });
});

describe("downloads", () => {
  it("CSV of a chart's cached result, for any signed-in user who can view the dashboard", async () => {
    const res = await fetch(`${base()}/api/charts/${chartId}/csv?dashboard=${dashboardId}`, { headers: { cookie: cookies.viewer } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="Signups-by-week.csv"');
    expect(await res.text()).toBe("w,n\n2024-01-01,10\n2024-01-08,14\n");

    expect((await fetch(`${base()}/api/charts/${chartId}/csv?dashboard=${dashboardId}`)).status).toBe(401);
    expect((await fetch(`${base()}/api/charts/${chartId}/csv`, { headers: { cookie: cookies.viewer } })).status).toBe(422);
    expect((await fetch(`${base()}/api/charts/${chartId}/csv?dashboard=${privateDashboardId}`, { headers: { cookie: cookies.viewer } })).status).toBe(404);
  });

  it("PNG and PDF of the whole dashboard, from the snapshot renderer", async () => {
    const png = await fetch(`${base()}/api/dashboards/${dashboardId}/download?format=png`, { headers: { cookie: cookies.viewer } });
    expect(png.status).toBe(200);
    expect(png.headers.get("content-disposition")).toMatch(/^attachment; filename="Weekly-KPIs-growth-\d{4}-\d{2}-\d{2}\.png"$/);
    const size = pngSize(Buffer.from(await png.arrayBuffer()));
    expect(size.width).toBe(2560);
    expect(size.height).toBeGreaterThan(400);

    const pdf = await fetch(`${base()}/api/dashboards/${dashboardId}/download?format=pdf`, { headers: { cookie: cookies.viewer } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(5_000);
    expect(pdfTitle(bytes)).toBe("Weekly <KPIs> & growth");

    expect((await fetch(`${base()}/api/dashboards/${dashboardId}/download?format=gif`, { headers: { cookie: cookies.viewer } })).status).toBe(422);
    expect((await fetch(`${base()}/api/dashboards/${dashboardId}/download?format=png`)).status).toBe(401);
  }, 120_000);
});

/** The PDF's document title: a literal string when it is ASCII, else UTF-16BE hex after a byte-order mark (as Chromium writes it). */
function pdfTitle(pdf: Buffer): string | undefined {
  const text = pdf.toString("latin1");
  const hex = text.match(/\/Title <FEFF([0-9A-Fa-f]*)>/)?.[1];
  if (hex !== undefined) return Buffer.from(hex, "hex").swap16().toString("utf16le");
  return text.match(/\/Title \(((?:\\.|[^\\)])*)\)/)?.[1].replace(/\\(.)/g, "$1");
}
