// What a digest carries and where it goes, with a real SMTP server in this process, real Chromium and the
// app DB: one render for every recipient, filter values, stale data refreshed first, formats, signed
// unsubscribe links, per-recipient rejections, bounces, "send a test to me", and Slack (a local HTTP server
// stands in for Slack's webhook endpoint). Most cases photograph a stand-in render page served here (it
// checks the render token and records each render and its query); the cases that need the real render page
// (filters run and cached by the app) or the web app's routes use the build.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyRenderToken } from "@/lib/auth/render-token";
import { encryptJson } from "@/lib/crypto/secret-box";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { closeQueues } from "@/lib/jobs/queues";
import { decodeHeader, leafParts, parseMime, type MimePart } from "@/lib/mail/parse-mime";
import { refreshDashboard } from "@/lib/refresh/refresh-dashboard";
import { renderSubject } from "@/lib/schedules/schemas";
import { closeBrowser } from "@/lib/render/browser";
import { createTestDashboard, createTestDataSource, setTestEnv } from "@/lib/testing/fixtures";
import { freePort } from "@/lib/testing/free-port";
import { startTestSmtpServer, type TestSmtpServer } from "@/lib/testing/smtp-server";
import { requireWebApp } from "@/lib/testing/web-app";
import { closeAllPools } from "@/lib/warehouse/pools";
import { isBounceRequestAuthorized, bounceWebhookSecret, recordBounce } from "./bounces";
import { deleteSubscription } from "./delete-subscription";
import { runDigest } from "./run-digest";
import { sendTestDigest } from "./send-test-digest";

interface Received {
  to: string[];
  raw: string;
  root: MimePart;
}

const received: Received[] = [];
/** Addresses the SMTP server refuses at RCPT TO with a permanent error. */
const refused = new Set<string>();
let smtp: TestSmtpServer;
let restoreSmtp: () => void = () => {};
let dataSourceId: string;
const dashboards: string[] = [];
const userIds: string[] = [];
const stamp = Date.now();
let when = Date.UTC(2031, 0, 1, 8);
const nextTime = () => new Date((when += 3_600_000));

beforeAll(async () => {
  smtp = await startTestSmtpServer({
    onRecipient: (address) => (refused.has(address) ? "refuse" : "accept"),
    onMessage: (m) => received.push({ to: m.to, raw: m.raw, root: parseMime(m.raw) }),
  });
  restoreSmtp = setTestEnv({ SMTP_URL: smtp.url });
  dataSourceId = (await createTestDataSource()).id;
});

afterAll(async () => {
  await getDb().dashboard.deleteMany({ where: { id: { in: dashboards } } });
  await getDb().user.deleteMany({ where: { id: { in: userIds } } });
  await smtp.close();
  restoreSmtp();
  await closeBrowser();
  await closeQueues();
  await closeAllPools();
  await disconnectDb();
});

beforeEach(() => {
  received.length = 0;
  refused.clear();
});

async function createUser(key: string, active = true) {
  const u = await getDb().user.create({ data: { email: `${key}-${stamp}@example.com`, name: key, passwordHash: "x", role: "EDITOR", active } });
  userIds.push(u.id);
  return u;
}

async function seedDashboard(
  title: string,
  opts: { refreshIntervalMinutes?: number; filters?: unknown[]; charts?: { title: string; sql: string; vizType?: string }[]; parameters?: object[] } = {},
) {
  const { dashboard, charts } = await createTestDashboard({
    dataSourceId,
    title,
    refreshIntervalMinutes: opts.refreshIntervalMinutes,
    charts: opts.charts ?? [
      { title: "Signups by client", sql: "select * from (values ('web', 120), ('iphone', 80)) as t(client, signups)", vizType: "bar" },
      { title: "Total", sql: "select 200 as total", vizType: "number" },
    ],
  });
  if (opts.filters) await getDb().dashboard.update({ where: { id: dashboard.id }, data: { filters: opts.filters as object[] } });
  if (opts.parameters) await getDb().chart.updateMany({ where: { id: { in: charts.map((c) => c.id) } }, data: { parameters: opts.parameters } });
  dashboards.push(dashboard.id);
  expect((await refreshDashboard(dashboard.id, "manual")).status).toBe("succeeded");
  return { dashboard, charts };
}

function textOf(m: Received): string {
  return leafParts(m.root).find((p) => p.contentType === "text/plain")!.body.toString("utf8");
}
function htmlOf(m: Received): string {
  return leafParts(m.root).find((p) => p.contentType === "text/html")!.body.toString("utf8");
}
function unsubscribeLink(m: Received): string {
  return /^Unsubscribe: (\S+)$/m.exec(textOf(m))![1];
}
const eventsOf = (subscriptionId: string) =>
  getDb().deliveryEvent.findMany({ where: { subscriptionId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, recipient: true, detail: true } });

describe("with a stand-in render page", () => {
  let page: http.Server;
  let restoreAppUrl: () => void = () => {};
  const renders: { path: string; query: URLSearchParams }[] = [];

  beforeAll(async () => {
    const secret = getRuntimeEnv().AUTH_SECRET;
    page = http.createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      const m = /^\/render\/dashboards\/([^/]+)$/.exec(url.pathname);
      if (!m || !verifyRenderToken(url.searchParams.get("token") ?? "", `dashboard:${decodeURIComponent(m[1])}`, secret)) {
        res.writeHead(404).end("not found");
        return;
      }
      renders.push({ path: url.pathname, query: url.searchParams });
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><html><body style="margin:0;background:#f6f7f9"><section data-testid="dashboard-tile"><canvas id="c" width="400" height="200"></canvas></section>
        <script>requestAnimationFrame(() => {
          const ctx = document.getElementById("c").getContext("2d"); ctx.fillStyle = "#2f6fde"; ctx.fillRect(20, 20, 200, 150);
          window.__spyglassRender = { total: 1, rendered: 1, failed: 0, errors: [] };
          document.documentElement.dataset.spyglassRender = "done";
        });</script></body></html>`);
    });
    await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
    restoreAppUrl = setTestEnv({ APP_URL: `http://127.0.0.1:${(page.address() as AddressInfo).port}` });
  });

  afterAll(async () => {
    restoreAppUrl();
    await new Promise((r) => page.close(r));
  });

  beforeEach(() => {
    renders.length = 0;
  });

  it("renders once for three recipients, emails each their own copy, skips deactivated users, fills the subject", async () => {
    const { dashboard } = await seedDashboard(`Weekly <KPIs> ${stamp}`);
    const ana = await createUser("ana");
    const bo = await createUser("bo");
    const gone = await createUser("gone", false);
    const subscription = await getDb().subscription.create({
      data: {
        dashboardId: dashboard.id,
        recipientUserIds: [ana.id, bo.id, gone.id],
        recipients: ["outside@example.org"],
        timezone: "Asia/Tokyo",
        subjectTemplate: "{{dashboard}} digest for {{date}}",
        filterValues: {},
        attachCsv: true,
      },
    });
    const scheduledFor = new Date("2031-03-01T23:30:00Z"); // already 2 March in Tokyo
    const outcome = await runDigest({ subscriptionId: subscription.id, scheduledFor, trigger: "schedule" });
    expect(outcome).toMatchObject({ status: "sent", sentTo: [ana.email, bo.email, "outside@example.org"], rejected: [] });

    expect(renders).toHaveLength(1);
    expect(received.map((m) => m.to)).toEqual([[ana.email], [bo.email], ["outside@example.org"]]);
    for (const m of received) {
      expect(decodeHeader(m.root.headers.get("subject")!)).toBe(`Weekly <KPIs> ${stamp} digest for 2 Mar 2031`);
      // Each copy carries its recipient's own unsubscribe link, in the body and as List-Unsubscribe.
      const link = new URL(unsubscribeLink(m));
      expect(link.pathname).toBe("/unsubscribe");
      expect(link.searchParams.get("e")).toBe(m.to[0]);
      expect(m.root.headers.get("list-unsubscribe")).toBe(`<${link.origin}/api/unsubscribe${link.search}>`);
      expect(m.root.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
      expect(htmlOf(m)).toContain(`href="${link.toString().replace(/&/g, "&amp;")}"`);
      const parts = leafParts(m.root);
      expect(parts.filter((p) => p.contentType === "image/png")).toHaveLength(1);
      const csvs = parts.filter((p) => p.contentType === "text/csv");
      expect(csvs.map((p) => p.body.toString("utf8"))).toEqual(["client,signups\nweb,120\niphone,80\n", "total\n200\n"]);
    }
    const delivery = await getDb().delivery.findFirstOrThrow({ where: { subscriptionId: subscription.id } });
    expect(delivery.status).toBe("sent");
    expect(delivery.renderMs).toBeGreaterThan(0);
    expect(delivery.error).toBe(`Skipped (deactivated or no longer allowed to open the dashboard): ${gone.email}`);
    expect((await eventsOf(subscription.id)).map((e) => [e.kind, e.recipient])).toEqual([
      ["sent", ana.email],
      ["sent", bo.email],
      ["sent", "outside@example.org"],
    ]);
  }, 120_000);

  it("renders with the subscription's filter values, and the PDF too when asked", async () => {
    const { dashboard } = await seedDashboard(`Filtered ${stamp}`, { filters: [{ type: "text", name: "region", label: "Region" }] });
    const subscription = await getDb().subscription.create({
      data: { dashboardId: dashboard.id, recipients: ["a@example.com"], filterValues: { region: "EMEA", unknown: "x" }, includeImage: true, attachPdf: true },
    });
    await runDigest({ subscriptionId: subscription.id, scheduledFor: nextTime(), trigger: "schedule" });
    expect(renders.map((r) => r.query.getAll("f.region"))).toEqual([["EMEA"], ["EMEA"]]);
    expect(renders[0].query.has("f.unknown")).toBe(false);
    expect(received).toHaveLength(1);
    const pdf = leafParts(received[0].root).find((p) => p.contentType === "application/pdf");
    expect(pdf?.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(textOf(received[0])).toContain(`/dashboards/${dashboard.id}?f.region=EMEA`);
  }, 120_000);

  it("refreshes the data first when it is older than one period of the dashboard's schedule", async () => {
    const { dashboard } = await seedDashboard(`Stale ${stamp}`, { refreshIntervalMinutes: 60 });
    const sub = await getDb().subscription.create({ data: { dashboardId: dashboard.id, recipients: ["a@example.com"] } });
    const runs = () => getDb().refreshRun.count({ where: { dashboardId: dashboard.id, trigger: "schedule" } });

    await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    expect(await runs()).toBe(0); // fresh: rendered from the cache

    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await getDb().chartResult.updateMany({ where: { chart: { tiles: { some: { dashboardId: dashboard.id } } } }, data: { computedAt: twoHoursAgo } });
    await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    expect(await runs()).toBe(1);
    const results = await getDb().chartResult.findMany({ where: { paramsKey: "", chart: { tiles: { some: { dashboardId: dashboard.id } } } } });
    expect(results).toHaveLength(2);
    for (const r of results) expect(r.computedAt!.getTime()).toBeGreaterThan(twoHoursAgo.getTime() + 3_600_000);
  }, 120_000);

  it("refreshes first when the data predates the last fire of the dashboard's cron, though younger than a day", async () => {
    // A daily cron in Kolkata (UTC+5:30, no DST) whose last run was 30 minutes ago: data from 40 minutes
    // ago predates it (and its 10-minute grace is over), data from 20 minutes ago does not.
    const now = Date.now();
    const lastFire = new Date(Math.floor((now - 30 * 60_000) / 60_000) * 60_000);
    const [hour, minute] = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Kolkata", hour: "numeric", minute: "numeric", hourCycle: "h23" })
      .format(lastFire)
      .split(":")
      .map(Number);
    const { dashboard } = await seedDashboard(`Cron stale ${stamp}`, { refreshIntervalMinutes: 60 });
    await getDb().dashboard.update({ where: { id: dashboard.id }, data: { refreshCron: `${minute} ${hour} * * *`, refreshTimezone: "Asia/Kolkata" } });
    const sub = await getDb().subscription.create({ data: { dashboardId: dashboard.id, recipients: ["a@example.com"] } });
    const runs = () => getDb().refreshRun.count({ where: { dashboardId: dashboard.id, trigger: "schedule" } });
    const setComputedAt = (at: Date) =>
      getDb().chartResult.updateMany({ where: { chart: { tiles: { some: { dashboardId: dashboard.id } } } }, data: { computedAt: at } });

    await setComputedAt(new Date(lastFire.getTime() + 10 * 60_000));
    await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    expect(await runs()).toBe(0);

    const before = new Date(lastFire.getTime() - 10 * 60_000);
    await setComputedAt(before);
    await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    expect(await runs()).toBe(1);
    const results = await getDb().chartResult.findMany({ where: { paramsKey: "", chart: { tiles: { some: { dashboardId: dashboard.id } } } } });
    expect(results).toHaveLength(2);
    for (const r of results) expect(r.computedAt!.getTime()).toBeGreaterThanOrEqual(now);
    expect(received).toHaveLength(2);
  }, 120_000);

  it("judges a chart with its own schedule by it, and refreshes only that chart", async () => {
    const { dashboard, charts } = await seedDashboard(`Own schedule ${stamp}`, { refreshIntervalMinutes: 60 });
    const [own, follows] = charts;
    await getDb().chart.update({ where: { id: own.id }, data: { refreshIntervalMinutes: 15 } });
    const sub = await getDb().subscription.create({ data: { dashboardId: dashboard.id, recipients: ["a@example.com"] } });
    // 20 minutes old: fresh for the hourly dashboard, stale for the chart's every 15 minutes.
    const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000);
    await getDb().chartResult.updateMany({ where: { chartId: { in: [own.id, follows.id] } }, data: { computedAt: twentyMinutesAgo } });
    await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    expect(await getDb().refreshRun.count({ where: { dashboardId: dashboard.id, trigger: "schedule" } })).toBe(0);
    const computed = async (chartId: string) =>
      (await getDb().chartResult.findUniqueOrThrow({ where: { chartId_paramsKey: { chartId, paramsKey: "" } } })).computedAt!.getTime();
    expect(await computed(own.id)).toBeGreaterThan(twentyMinutesAgo.getTime());
    expect(await computed(follows.id)).toBe(twentyMinutesAgo.getTime());
  }, 120_000);

  it("logs a recipient the SMTP server refuses as rejected, with its reply, and still sends to the others", async () => {
    const { dashboard } = await seedDashboard(`Rejects ${stamp}`);
    const sub = await getDb().subscription.create({ data: { dashboardId: dashboard.id, recipients: ["ok@example.com", "nobody@example.com"] } });
    refused.add("nobody@example.com");
    const outcome = await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    expect(outcome).toMatchObject({ status: "sent", sentTo: ["ok@example.com"], rejected: ["nobody@example.com"] });
    expect(received.map((m) => m.to)).toEqual([["ok@example.com"]]);
    const events = await eventsOf(sub.id);
    expect(events.map((e) => [e.kind, e.recipient])).toEqual([["sent", "ok@example.com"], ["rejected", "nobody@example.com"]]);
    expect(events[1].detail).toMatch(/^550 5\.1\.1 <nobody@example\.com>: Recipient address rejected: User unknown/);
    expect((await getDb().delivery.findFirstOrThrow({ where: { subscriptionId: sub.id } })).error).toBe("The SMTP server rejected: nobody@example.com");
  }, 120_000);

  it("logs an unreachable SMTP server as smtp_error and fails the attempt so the job retries", async () => {
    const { dashboard } = await seedDashboard(`SMTP down ${stamp}`);
    const sub = await getDb().subscription.create({ data: { dashboardId: dashboard.id, recipients: ["ok@example.com"] } });
    const restore = setTestEnv({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}` });
    try {
      await expect(runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" })).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      restore();
    }
    const events = await eventsOf(sub.id);
    expect(events.map((e) => e.kind)).toEqual(["smtp_error"]);
    expect(events[0].detail).toContain("ECONNREFUSED");
    expect((await getDb().delivery.findFirstOrThrow({ where: { subscriptionId: sub.id } })).status).toBe("failed");
  }, 120_000);

  it("skips opted-out addresses", async () => {
    const { dashboard } = await seedDashboard(`Opt-out ${stamp}`);
    const sub = await getDb().subscription.create({ data: { dashboardId: dashboard.id, recipients: ["stay@example.com", "leave@example.com"] } });
    await getDb().subscriptionOptOut.create({ data: { subscriptionId: sub.id, email: "leave@example.com" } });
    await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    expect(received.map((m) => m.to)).toEqual([["stay@example.com"]]);
    expect((await getDb().delivery.findFirstOrThrow({ where: { subscriptionId: sub.id } })).error).toBe("Unsubscribed: leave@example.com");
  }, 120_000);

  it("sends a test only to the signed-in user, without a Delivery, logged as test_sent", async () => {
    const { dashboard } = await seedDashboard(`Test send ${stamp}`);
    const me = await createUser("me");
    const sub = await getDb().subscription.create({ data: { dashboardId: dashboard.id, recipients: ["team@example.com", "boss@example.com"], subjectTemplate: "Daily {{dashboard}}" } });
    const result = await sendTestDigest(sub.id, { id: me.id, email: me.email, name: me.name, role: me.role });
    expect(result).toMatchObject({ email: me.email, channel: "smtp" });
    expect(received.map((m) => m.to)).toEqual([[me.email]]);
    expect(decodeHeader(received[0].root.headers.get("subject")!)).toBe(`[Test] Daily Test send ${stamp}`);
    expect(await getDb().delivery.count({ where: { subscriptionId: sub.id } })).toBe(0);
    expect((await eventsOf(sub.id)).map((e) => [e.kind, e.recipient, e.detail])).toEqual([["test_sent", me.email, result.messageId]]);
  }, 120_000);

  it("logs bounces reported with the webhook secret against the message's subscription", async () => {
    const { dashboard } = await seedDashboard(`Bounce ${stamp}`);
    const sub = await getDb().subscription.create({ data: { dashboardId: dashboard.id, recipients: ["gone@example.com"] } });
    await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    const messageId = received[0].root.headers.get("message-id")!;
    expect(isBounceRequestAuthorized(`Bearer ${bounceWebhookSecret()}`)).toBe(true);
    expect(isBounceRequestAuthorized("Bearer guess")).toBe(false);
    expect(isBounceRequestAuthorized(null)).toBe(false);
    await recordBounce({ messageId, recipient: "Gone@Example.com", reason: "550 mailbox unavailable" });
    const delivery = await getDb().delivery.findFirstOrThrow({ where: { subscriptionId: sub.id } });
    const bounce = await getDb().deliveryEvent.findFirstOrThrow({ where: { subscriptionId: sub.id, kind: "bounce" } });
    expect(bounce).toMatchObject({ recipient: "gone@example.com", detail: "550 mailbox unavailable", deliveryId: delivery.id });
    await expect(recordBounce({ messageId: "<someone-else@example.com>", recipient: "x@example.com" })).rejects.toThrow("Digest message not found");
  }, 120_000);
});

describe("Slack", () => {
  let slack: http.Server;
  let slackStatus = 200;
  const posts: { body: Record<string, unknown> }[] = [];
  let slackUrl: string;

  beforeAll(async () => {
    slack = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        posts.push({ body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown> });
        res.writeHead(slackStatus, { "content-type": "text/plain" }).end(slackStatus === 200 ? "ok" : "invalid_payload");
      });
    });
    await new Promise<void>((resolve) => slack.listen(0, "127.0.0.1", resolve));
    // Stored as the API stores it (encrypted). The API only accepts https URLs; the stand-in speaks http.
    slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/T0/B0/secret`;
  });

  afterAll(async () => {
    await new Promise((r) => slack.close(r));
  });

  beforeEach(() => {
    posts.length = 0;
    slackStatus = 200;
  });

  const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const imageBlockOf = (post: { body: Record<string, unknown> }) =>
    (post.body.blocks as { type: string; image_url?: string; alt_text?: string }[]).find((b) => b.type === "image");
  const storedImages = (subscriptionId: string) =>
    getDb().digestImage.findMany({ where: { delivery: { subscriptionId } }, orderBy: { createdAt: "asc" }, select: { deliveryId: true, png: true, expiresAt: true, createdAt: true } });
  /** GET with no cookie, as Slack's image fetcher does. */
  const fetchSignedOut = (url: string) => fetch(url, { redirect: "manual" });

  it("posts after the email; a Slack failure is retried without emailing or rendering again, with the same image", async () => {
    requireWebApp();
    const { dashboard } = await seedDashboard(`Slack <&> ${stamp}`);
    const sub = await getDb().subscription.create({
      data: { dashboardId: dashboard.id, recipients: ["team@example.com", "boss@example.com"], encryptedSlackWebhook: encryptJson({ url: slackUrl }, getRuntimeEnv().ENCRYPTION_KEY) },
    });
    const scheduledFor = nextTime();
    slackStatus = 500;
    await expect(runDigest({ subscriptionId: sub.id, scheduledFor, trigger: "schedule" })).rejects.toThrow("The Slack webhook answered HTTP 500: invalid_payload");
    expect(received).toHaveLength(2);
    expect(posts).toHaveLength(1);
    expect((await getDb().delivery.findFirstOrThrow({ where: { subscriptionId: sub.id } })).status).toBe("failed");

    slackStatus = 200;
    const retry = await runDigest({ subscriptionId: sub.id, scheduledFor, trigger: "schedule" });
    expect(retry).toMatchObject({ status: "sent", sentTo: [], slack: "posted", renderMs: 0 });
    expect(received).toHaveLength(2); // the email went once
    expect(posts).toHaveLength(2);
    const base = getRuntimeEnv().APP_URL;
    const imageUrl = imageBlockOf(posts[0])!.image_url!;
    expect(imageUrl).toMatch(new RegExp(`^${base.replace(/[.]/g, "\\.")}/api/digests/images/[A-Za-z0-9_-]{43}\\.png$`));
    expect(posts[1].body).toEqual({
      text: expect.stringContaining(`${base}/dashboards/${dashboard.id}`),
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: expect.stringContaining(`*<${base}/dashboards/${dashboard.id}|Slack &lt;&amp;&gt; ${stamp}>*`) } },
        { type: "image", image_url: imageUrl, alt_text: `Slack <&> ${stamp}` },
      ],
    });
    const events = await eventsOf(sub.id);
    expect(events.map((e) => e.kind)).toEqual(["sent", "sent", "slack_error", "slack_sent"]);
    expect(events[2].detail).toBe("The Slack webhook answered HTTP 500: invalid_payload");
    expect(events[3].detail).toBe("Posted the link and the image.");
    expect((await getDb().delivery.findFirstOrThrow({ where: { subscriptionId: sub.id } })).status).toBe("sent");
    // One image for the delivery, whatever the attempts; a third run finds it sent and posts nothing.
    expect(await storedImages(sub.id)).toHaveLength(1);
    expect(await runDigest({ subscriptionId: sub.id, scheduledFor, trigger: "schedule" })).toMatchObject({ status: "skipped", reason: "already sent" });
    expect(posts).toHaveLength(2);

    // The emailed image and the posted one are the same render.
    const emailed = leafParts(received[0].root).find((p) => p.contentType === "image/png")!.body;
    const image = await fetchSignedOut(imageUrl);
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).equals(emailed)).toBe(true);
  }, 180_000);

  it("a Slack-only subscription with filter values posts the image of its own render, public by its link until it expires or the subscription goes", async () => {
    requireWebApp();
    const { dashboard, charts } = await seedDashboard(`Slack only ${stamp}`, {
      filters: [{ type: "text", name: "region", label: "Region" }],
      charts: [{ title: "By region", sql: "select {{region}}::text as region, 7 as n", vizType: "table" }],
      parameters: [{ name: "region", type: "text", default: "World" }],
    });
    const sub = await getDb().subscription.create({
      data: { dashboardId: dashboard.id, recipients: [], filterValues: { region: "EMEA" }, encryptedSlackWebhook: encryptJson({ url: slackUrl }, getRuntimeEnv().ENCRYPTION_KEY) },
    });
    const scheduledFor = nextTime();
    const outcome = await runDigest({ subscriptionId: sub.id, scheduledFor, trigger: "schedule" });
    expect(outcome).toMatchObject({ status: "sent", sentTo: [], slack: "posted" });
    expect(outcome.status === "sent" && outcome.renderMs).toBeGreaterThan(0);
    expect(received).toHaveLength(0);
    expect(posts).toHaveLength(1);
    const base = getRuntimeEnv().APP_URL;
    const subject = renderSubject(null, { dashboard: `Slack only ${stamp}`, date: scheduledFor, timeZone: "UTC" });
    expect(posts[0].body.text).toBe(`${subject}: ${base}/dashboards/${dashboard.id}?f.region=EMEA`);
    // The render ran the chart with the subscription's value (and cached it, as the dashboard page does).
    const cached = await getDb().chartResult.findMany({ where: { chartId: charts[0].id }, select: { rows: true }, orderBy: { paramsKey: "asc" } });
    expect(cached.map((r) => r.rows)).toEqual([[["World", 7]], [["EMEA", 7]]]);

    const [stored] = await storedImages(sub.id);
    expect(Buffer.from(stored.png).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(stored.png.length).toBeGreaterThan(1_000);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(30 * 86_400_000);
    const imageUrl = imageBlockOf(posts[0])!.image_url!;
    const image = await fetchSignedOut(imageUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("x-content-type-options")).toBe("nosniff");
    expect(image.headers.get("cache-control")).toBe("private, max-age=3600");
    const bytes = Buffer.from(await image.arrayBuffer());
    expect(bytes.equals(Buffer.from(stored.png))).toBe(true);

    // Anything but a live token: the same bare 404.
    const random = `${base}/api/digests/images/${randomBytes(32).toString("base64url")}.png`;
    for (const url of [random, `${base}/api/digests/images/nope.png`, imageUrl.replace(/\.png$/, ".gif")]) {
      const res = await fetchSignedOut(url);
      expect([url, res.status, await res.text()]).toEqual([url, 404, "Not found"]);
    }
    // Expired: refused, and its bytes deleted on the spot.
    await getDb().digestImage.updateMany({ where: { delivery: { subscriptionId: sub.id } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await fetchSignedOut(imageUrl)).status).toBe(404);
    expect(await storedImages(sub.id)).toEqual([]);

    // The next delivery has an image (and a link) of its own; deleting the subscription removes it.
    await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    expect(posts).toHaveLength(2);
    const nextUrl = imageBlockOf(posts[1])!.image_url!;
    expect(nextUrl).not.toBe(imageUrl);
    expect((await fetchSignedOut(nextUrl)).status).toBe(200);
    const deliveryIds = (await getDb().delivery.findMany({ where: { subscriptionId: sub.id }, select: { id: true } })).map((d) => d.id);
    expect(await getDb().digestImage.count({ where: { deliveryId: { in: deliveryIds } } })).toBe(1);
    await deleteSubscription(sub.id);
    expect((await fetchSignedOut(nextUrl)).status).toBe(404);
    expect(await getDb().digestImage.count({ where: { deliveryId: { in: deliveryIds } } })).toBe(0);
  }, 180_000);

  it("without the image the post carries the title and the link, and nothing is stored or rendered", async () => {
    const { dashboard } = await seedDashboard(`Slack no image ${stamp}`);
    const sub = await getDb().subscription.create({
      data: { dashboardId: dashboard.id, recipients: [], includeImage: false, encryptedSlackWebhook: encryptJson({ url: slackUrl }, getRuntimeEnv().ENCRYPTION_KEY) },
    });
    const outcome = await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    expect(outcome).toMatchObject({ status: "sent", sentTo: [], slack: "posted", renderMs: 0 });
    expect(posts).toHaveLength(1);
    expect((posts[0].body.blocks as { type: string }[]).map((b) => b.type)).toEqual(["section"]);
    expect(await storedImages(sub.id)).toEqual([]);
    expect((await eventsOf(sub.id)).map((e) => e.detail)).toEqual(["Posted the link (the subscription does not include the image)."]);
  }, 60_000);
});

describe("unsubscribe links and the bounce webhook on the web app", () => {
  beforeAll(requireWebApp);

  it("a forged or altered link is refused; a valid one records the opt-out and the next digest skips the address", async () => {
    const { dashboard } = await seedDashboard(`Unsubscribe ${stamp}`);
    const sub = await getDb().subscription.create({
      data: { dashboardId: dashboard.id, recipients: ["stay@example.com", "leave@example.com", "oneclick@example.com"], includeImage: false, attachCsv: true },
    });
    await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    const copyFor = (email: string) => received.find((m) => m.to[0] === email)!;
    const link = new URL(unsubscribeLink(copyFor("leave@example.com")));

    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Unsubscribe?");
    expect(html).toContain("leave@example.com");

    // The same token for another address, another subscription, or altered: not found / refused.
    // "done=1" (where the confirm button lands) typed into a valid link confirms nothing.
    const typedDone = new URL(link);
    typedDone.searchParams.set("done", "1");
    const typedDoneHtml = await (await fetch(typedDone)).text();
    expect(typedDoneHtml).toContain("Unsubscribe?");
    expect(typedDoneHtml).not.toContain("You are unsubscribed");

    const forged = new URL(link);
    forged.searchParams.set("e", "stay@example.com");
    const forgedPage = await fetch(forged);
    expect(forgedPage.status).toBe(404);
    expect(await forgedPage.text()).toContain("This unsubscribe link does not work");
    const otherSub = new URL(link);
    otherSub.searchParams.set("s", "c".repeat(25));
    expect((await fetch(otherSub)).status).toBe(404);
    const altered = new URL(link);
    const t = altered.searchParams.get("t")!;
    altered.searchParams.set("t", t.slice(0, -1) + (t.endsWith("A") ? "B" : "A"));
    expect((await fetch(altered)).status).toBe(404);
    const forgedPost = await fetch(`${link.origin}/api/unsubscribe${forged.search}`, { method: "POST", body: new URLSearchParams({ confirm: "1" }), redirect: "manual" });
    expect(forgedPost.status).toBe(400);
    expect(await getDb().subscriptionOptOut.count({ where: { subscriptionId: sub.id } })).toBe(0);

    // The page's confirm button.
    const confirmed = await fetch(`${link.origin}/api/unsubscribe${link.search}`, { method: "POST", body: new URLSearchParams({ confirm: "1" }), redirect: "manual" });
    expect(confirmed.status).toBe(303);
    const done = await fetch(confirmed.headers.get("location")!);
    expect(await done.text()).toContain("You are unsubscribed");
    // A mail client's one-click List-Unsubscribe.
    const oneClick = /^<(.+)>$/.exec(copyFor("oneclick@example.com").root.headers.get("list-unsubscribe")!)![1];
    const clicked = await fetch(oneClick, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(clicked.status).toBe(200);
    expect(await clicked.json()).toEqual({ unsubscribed: "oneclick@example.com" });

    const optOuts = await getDb().subscriptionOptOut.findMany({ where: { subscriptionId: sub.id }, orderBy: { email: "asc" } });
    expect(optOuts.map((o) => o.email)).toEqual(["leave@example.com", "oneclick@example.com"]);

    received.length = 0;
    await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    expect(received.map((m) => m.to)).toEqual([["stay@example.com"]]);

    // The subscription deleted while its page was open: the confirm button lands on the page, which says
    // the link no longer works (not a JSON error).
    const stay = new URL(unsubscribeLink(received[0]));
    await deleteSubscription(sub.id);
    const late = await fetch(`${stay.origin}/api/unsubscribe${stay.search}`, { method: "POST", body: new URLSearchParams({ confirm: "1" }), redirect: "manual" });
    expect(late.status).toBe(303);
    const lateUrl = new URL(late.headers.get("location")!);
    expect(lateUrl.searchParams.get("done")).toBeNull();
    const latePage = await fetch(lateUrl);
    expect(latePage.status).toBe(404);
    expect(await latePage.text()).toContain("This unsubscribe link does not work");
  }, 120_000);

  it("an unsubscribed recipient can subscribe again from their link's page, and the next digest reaches them", async () => {
    const { dashboard } = await seedDashboard(`Resubscribe ${stamp}`);
    const sub = await getDb().subscription.create({ data: { dashboardId: dashboard.id, recipients: ["back@example.com"], includeImage: false, attachCsv: true } });
    await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    const link = new URL(unsubscribeLink(received.find((m) => m.to[0] === "back@example.com")!));
    const post = (field: string) =>
      fetch(`${link.origin}/api/unsubscribe${link.search}`, { method: "POST", body: new URLSearchParams({ [field]: "1" }), redirect: "manual" });

    const unsubscribed = await fetch((await post("confirm")).headers.get("location")!);
    const unsubscribedHtml = await unsubscribed.text();
    expect(unsubscribedHtml).toContain("You are unsubscribed");
    expect(unsubscribedHtml).toContain("Subscribe again");

    const again = await post("resubscribe");
    expect(again.status).toBe(303);
    const againUrl = new URL(again.headers.get("location")!);
    expect(againUrl.searchParams.get("resubscribed")).toBe("1");
    // React separates text parts with `<!-- -->`.
    const againHtml = (await (await fetch(againUrl)).text()).replaceAll("<!-- -->", "");
    expect(againHtml).toContain(`<strong>back@example.com</strong> is subscribed to the “Resubscribe ${stamp}” digest again.`);
    expect(againHtml).toContain("Unsubscribe?");
    expect(await getDb().subscriptionOptOut.count({ where: { subscriptionId: sub.id } })).toBe(0);

    received.length = 0;
    await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    expect(received.map((m) => m.to)).toEqual([["back@example.com"]]);

    // A forged link cannot take anyone's opt-out back.
    await post("confirm");
    const forged = new URL(link);
    forged.searchParams.set("e", "someone@example.com");
    const forgedPost = await fetch(`${link.origin}/api/unsubscribe${forged.search}`, { method: "POST", body: new URLSearchParams({ resubscribe: "1" }), redirect: "manual" });
    expect(forgedPost.status).toBe(400);
    expect(await getDb().subscriptionOptOut.count({ where: { subscriptionId: sub.id } })).toBe(1);
  }, 120_000);

  it("a test of a dashboard that renders nothing says why, logs it, and sends nothing", async () => {
    const { dashboard } = await createTestDashboard({ dataSourceId, title: `Empty ${stamp}`, charts: [] });
    dashboards.push(dashboard.id);
    const me = await createUser("tester");
    const sub = await getDb().subscription.create({ data: { dashboardId: dashboard.id, recipients: ["team@example.com"] } });
    const error = await sendTestDigest(sub.id, { id: me.id, email: me.email, name: me.name, role: me.role }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).message).toMatch(/^The test digest could not be rendered: The dashboard has no charts: add one before sending it \(refusing to send a blank snapshot\)\./);
    expect(received).toEqual([]);
    expect((await eventsOf(sub.id)).map((e) => [e.kind, e.recipient])).toEqual([["render_failed", me.email]]);
  }, 120_000);

  it("the real render page runs the charts with the subscription's filter values and caches them as the dashboard does", async () => {
    const { dashboard, charts } = await seedDashboard(`Filtered real ${stamp}`, {
      filters: [{ type: "text", name: "region", label: "Region" }],
      charts: [{ title: "By region", sql: "select {{region}}::text as region, 7 as n", vizType: "table" }],
      parameters: [{ name: "region", type: "text", default: "World" }],
    });
    const sub = await getDb().subscription.create({
      data: { dashboardId: dashboard.id, recipients: ["filtered@example.com"], filterValues: { region: "EMEA" }, attachCsv: true },
    });
    const outcome = await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    expect(outcome).toMatchObject({ status: "sent", sentTo: ["filtered@example.com"] });
    const cached = await getDb().chartResult.findMany({ where: { chartId: charts[0].id }, orderBy: { paramsKey: "asc" } });
    expect(cached.map((r) => [r.paramsKey === "" ? "defaults" : "filtered", r.rows])).toEqual([
      ["defaults", [["World", 7]]],
      ["filtered", [["EMEA", 7]]],
    ]);
    const parts = leafParts(received[0].root);
    expect(parts.find((p) => p.contentType === "text/csv")!.body.toString("utf8")).toBe("region,n\nEMEA,7\n");
    expect(parts.filter((p) => p.contentType === "image/png")).toHaveLength(1);
  }, 120_000);

  it("the bounce webhook wants the secret and logs the bounce", async () => {
    const { dashboard } = await seedDashboard(`Bounce hook ${stamp}`);
    const sub = await getDb().subscription.create({ data: { dashboardId: dashboard.id, recipients: ["gone@example.com"], includeImage: false, attachCsv: true } });
    await runDigest({ subscriptionId: sub.id, scheduledFor: nextTime(), trigger: "schedule" });
    const messageId = received[0].root.headers.get("message-id")!;
    const url = `${getRuntimeEnv().APP_URL}/api/digests/bounces`;
    const body = JSON.stringify({ messageId, recipient: "gone@example.com", reason: "550 5.1.1 no such user" });
    const post = (auth?: string) => fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) }, body });
    expect((await post()).status).toBe(401);
    expect((await post("Bearer wrong")).status).toBe(401);
    const ok = await post(`Bearer ${bounceWebhookSecret()}`);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ subscriptionId: sub.id });
    expect(await getDb().deliveryEvent.findFirst({ where: { subscriptionId: sub.id, kind: "bounce" }, select: { recipient: true, detail: true } })).toEqual({
      recipient: "gone@example.com",
      detail: "550 5.1.1 no such user",
    });
    const unknown = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${bounceWebhookSecret()}` }, body: JSON.stringify({ messageId: "<x@y>", recipient: "a@b.co" }) });
    expect(unknown.status).toBe(404);
  }, 120_000);
});
