// Digests end to end: a real BullMQ worker renders the real dashboard render page in Chromium and sends
// one email to an SMTP server running in this test; the image is inline, it is not blank, the link goes
// to the dashboard, and a second run for the same scheduled time sends nothing.
// A second block runs the same pipeline against a stand-in render page (served here, checking the
// render token), so the pipeline is covered even before the web app is built.
import { readFileSync, readdirSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Queue } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyRenderToken } from "@/lib/auth/render-token";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { QUEUES, sendDigestJob } from "@/lib/jobs/definitions";
import { closeQueues, enqueueDigestNow } from "@/lib/jobs/queues";
import { createTestDashboard, createTestDataSource, setTestEnv, waitFor } from "@/lib/testing/fixtures";
import { decodeHeader, leafParts, parseMime } from "@/lib/mail/parse-mime";
import { outboxDir } from "@/lib/mail/transport";
import { refreshDashboard } from "@/lib/refresh/refresh-dashboard";
import { closeBrowser } from "@/lib/render/browser";
import { countPngColors } from "@/lib/render/png-colors";
import { freePort } from "@/lib/testing/free-port";
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from "@/lib/testing/smtp-server";
import { requireWebApp } from "@/lib/testing/web-app";
import { closeAllPools } from "@/lib/warehouse/pools";
import { startWorkers, type RunningWorkers } from "@/workers/start-workers";
import { runDigest } from "./run-digest";

let smtp: TestSmtpServer;
/** The messages the SMTP server accepted (smtp.received, set once it has started). */
let received: ReceivedMail[] = [];
let workers: RunningWorkers;
let dataSourceId: string;
const dashboards: string[] = [];
let restoreSmtp: () => void = () => {};

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  received = smtp.received;
  // The mail transport reads SMTP_URL from the settings for each message.
  restoreSmtp = setTestEnv({ SMTP_URL: smtp.url });

  workers = startWorkers({ concurrency: 2, queues: [QUEUES.digest], log: () => {} });
  dataSourceId = (await createTestDataSource()).id;
});

afterAll(async () => {
  await workers?.close();
  await getDb().dashboard.deleteMany({ where: { id: { in: dashboards } } });
  await smtp.close();
  restoreSmtp();
  await closeBrowser();
  await closeQueues();
  await closeAllPools();
  await disconnectDb();
});

beforeEach(() => {
  received.length = 0;
});

/** A dashboard with a bar chart and a number, its results cached, and a subscription to it. */
async function seed(title: string) {
  const { dashboard } = await createTestDashboard({
    dataSourceId,
    title,
    charts: [
      {
        title: "Signups by client",
        sql: "select * from (values ('web', 120), ('iphone', 80), ('android', 45)) as t(client, signups)",
        vizType: "bar",
        description: "New accounts per client of signup.",
      },
      { title: "Total <signups>", sql: "select 245 as total", vizType: "number", description: "All new accounts." },
    ],
  });
  dashboards.push(dashboard.id);
  const run = await refreshDashboard(dashboard.id, "manual");
  expect(run.status).toBe("succeeded");
  const subscription = await getDb().subscription.create({
    data: { dashboardId: dashboard.id, recipients: ["team@example.com", "boss@example.com"], cron: "0 8 * * *", timezone: "Europe/London" },
  });
  return { dashboard, subscription };
}

/** Checks one received digest and returns its decoded PNG. */
async function checkMessage(message: ReceivedMail, dashboard: { id: string; title: string }) {
  // One message per recipient: each carries that recipient's own unsubscribe link.
  expect(message.to).toHaveLength(1);
  expect(["boss@example.com", "team@example.com"]).toContain(message.to[0]);
  const root = parseMime(message.raw);
  expect(decodeHeader(root.headers.get("subject") ?? "")).toContain(`${dashboard.title} — `);
  const leaves = leafParts(root);
  const html = leaves.find((p) => p.contentType === "text/html")?.body.toString("utf8");
  const text = leaves.find((p) => p.contentType === "text/plain")?.body.toString("utf8");
  const image = leaves.find((p) => p.contentType === "image/png");
  expect(html).toBeDefined();
  expect(text).toBeDefined();
  expect(image).toBeDefined();

  const dashboardUrl = `${getRuntimeEnv().APP_URL}/dashboards/${dashboard.id}`;
  expect(html).toContain(`href="${dashboardUrl}"`);
  expect(text).toContain(dashboardUrl);
  // The image is inline: a Content-ID part referenced by cid: in the HTML.
  const contentId = image!.headers.get("content-id");
  expect(contentId).toMatch(/^<.+>$/);
  expect(html).toContain(`src="cid:${contentId!.slice(1, -1)}"`);
  // User text is escaped.
  expect(html).toContain("Total &lt;signups&gt;");
  expect(html).not.toContain("Total <signups>");

  const png = image!.body;
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  const decoded = await countPngColors(png);
  expect(decoded.width).toBe(2560);
  expect(decoded.colors).toBeGreaterThan(1);
  return { png, root, colors: decoded.colors };
}

async function exercisePipeline() {
  const { dashboard, subscription } = await seed(`Digest test ${Date.now()}`);

  // 1. "Send now" through the queue and a real worker.
  const { scheduledFor } = await enqueueDigestNow(subscription.id);
  const manual = await waitFor(
    "the manual delivery to be sent",
    async () => {
      const d = await getDb().delivery.findFirst({ where: { subscriptionId: subscription.id, scheduledFor: new Date(scheduledFor) } });
      return d?.status === "sent" || (d?.status === "failed" && d.attempts >= 1 && d.error) ? d : undefined;
    },
    90_000,
  );
  expect(manual.error ?? "").toBe("");
  expect(manual).toMatchObject({ status: "sent", trigger: "manual" });
  expect(manual.renderMs).toBeGreaterThan(0);
  await waitFor("the SMTP server to receive the messages", async () => received.length >= 2);
  expect(received.map((m) => m.to[0]).sort()).toEqual(["boss@example.com", "team@example.com"]);
  for (const m of received) {
    const { root } = await checkMessage(m, dashboard);
    expect(root.headers.get("message-id")).toMatch(new RegExp(`^<digest\\.${manual.id}\\.[0-9a-f]{12}@`));
  }

  // The same job again (a retry or a duplicate, same scheduled time) sends nothing more.
  const queue = new Queue(QUEUES.digest, { connection: { url: getRuntimeEnv().REDIS_URL } });
  try {
    const dup = await queue.add(sendDigestJob.name, { subscriptionId: subscription.id, trigger: "manual", scheduledFor });
    await waitFor("the duplicate job to finish", async () => (await dup.getState()) === "completed");
    expect((await queue.getJob(dup.id!))?.returnvalue).toMatchObject({ status: "skipped", reason: "already sent" });
  } finally {
    await queue.close();
  }
  expect(received).toHaveLength(2);

  // 2. A scheduled digest: the job scheduler's job carries its scheduled time, and running the same
  //    subscription and scheduled time again sends nothing.
  received.length = 0;
  const schedulerQueue = new Queue(QUEUES.digest, { connection: { url: getRuntimeEnv().REDIS_URL } });
  try {
    await schedulerQueue.upsertJobScheduler(
      `digest:${subscription.id}`,
      { pattern: "* * * * * *", limit: 1 },
      { name: sendDigestJob.name, data: { subscriptionId: subscription.id, trigger: "schedule" }, opts: sendDigestJob.options },
    );
    const scheduled = await waitFor(
      "the scheduled delivery to be sent",
      async () => {
        const d = await getDb().delivery.findFirst({ where: { subscriptionId: subscription.id, trigger: "schedule" } });
        return d?.status === "sent" ? d : undefined;
      },
      90_000,
    );
    expect(scheduled.scheduledFor.getTime() % 1000).toBe(0);
    await waitFor("the SMTP server to receive the scheduled messages", async () => received.length >= 2);
    expect(received).toHaveLength(2);
    for (const m of received) await checkMessage(m, dashboard);

    const again = await runDigest({ subscriptionId: subscription.id, scheduledFor: scheduled.scheduledFor, trigger: "schedule" });
    expect(again).toMatchObject({ status: "skipped", deliveryId: scheduled.id });
    expect(received).toHaveLength(2);
    expect(await getDb().delivery.count({ where: { subscriptionId: subscription.id } })).toBe(2);
  } finally {
    await schedulerQueue.removeJobScheduler(`digest:${subscription.id}`);
    await schedulerQueue.close();
  }
}

describe("digest job with the real render page", () => {
  // Fails loudly, never skips, when there is no build (see lib/testing/web-app.ts).
  beforeAll(requireWebApp);
  it("renders the dashboard, emails it once with the image inline, and never twice for one scheduled time", async () => {
    await exercisePipeline();
  }, 240_000);
});

describe("digest job with a stand-in render page", () => {
  let page: http.Server;
  let restoreAppUrl: () => void = () => {};

  beforeAll(async () => {
    const secret = getRuntimeEnv().AUTH_SECRET;
    page = http.createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      const m = /^\/render\/dashboards\/([^/]+)$/.exec(url.pathname);
      if (!m || !verifyRenderToken(url.searchParams.get("token") ?? "", `dashboard:${decodeURIComponent(m[1])}`, secret)) {
        res.writeHead(404).end("not found");
        return;
      }
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><html><body style="margin:0;background:#f6f7f9;font-family:sans-serif">
        <h1>Stand-in</h1><section data-testid="dashboard-tile"><canvas id="c" width="600" height="300"></canvas></section>
        <script>requestAnimationFrame(() => {
          const ctx = document.getElementById("c").getContext("2d");
          [120, 80, 45].forEach((v, i) => { ctx.fillStyle = ["#2f6fde", "#1f8a4c", "#b26b00"][i]; ctx.fillRect(40 + i * 120, 300 - v * 2, 80, v * 2); });
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

  it("sends once per scheduled time through a real worker and SMTP server", async () => {
    await exercisePipeline();
  }, 240_000);

  it("writes the email to the outbox, and says so, when no SMTP server is configured", async () => {
    const { dashboard, subscription } = await seed(`Outbox test ${Date.now()}`);
    const restore = setTestEnv({ SMTP_URL: undefined });
    try {
      const before = new Set(readdirSyncSafe(outboxDir()));
      const outcome = await runDigest({ subscriptionId: subscription.id, scheduledFor: new Date("2030-01-01T08:00:00Z"), trigger: "schedule" });
      expect(outcome).toMatchObject({ status: "sent", channel: "outbox" });
      const files = readdirSyncSafe(outboxDir()).filter((f) => !before.has(f));
      expect(files).toHaveLength(2); // one per recipient
      const eml = readFileSync(`${outboxDir()}/${files[0]}`, "utf8");
      expect(eml).toContain(`/dashboards/${dashboard.id}`);
      const delivery = await getDb().delivery.findFirstOrThrow({ where: { subscriptionId: subscription.id } });
      expect(delivery.status).toBe("sent");
      expect(delivery.error).toContain("No SMTP server configured");
      expect(received).toHaveLength(0);
    } finally {
      restore();
    }
  });

  it("records a failed delivery and rethrows when the render fails, then sends on a later attempt", async () => {
    const { subscription } = await seed(`Failing render ${Date.now()}`);
    const when = new Date("2030-02-01T08:00:00Z");
    const restore = setTestEnv({ APP_URL: `http://127.0.0.1:${await freePort()}` }); // nothing listens there
    try {
      await expect(runDigest({ subscriptionId: subscription.id, scheduledFor: when, trigger: "schedule" })).rejects.toThrow(/Could not open/);
    } finally {
      restore();
    }
    const failed = await getDb().delivery.findFirstOrThrow({ where: { subscriptionId: subscription.id } });
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.error).toContain("Could not open");
    expect(received).toHaveLength(0);

    const retry = await runDigest({ subscriptionId: subscription.id, scheduledFor: when, trigger: "schedule" });
    expect(retry).toMatchObject({ status: "sent", deliveryId: failed.id });
    const sent = await getDb().delivery.findUniqueOrThrow({ where: { id: failed.id } });
    expect(sent).toMatchObject({ status: "sent", attempts: 2, error: null });
    expect(received).toHaveLength(2);
  });
});

function readdirSyncSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
