// The subscription and refresh APIs on the real web app: validation, permissions, and the schedulers they
// keep in Redis. Signs in through next-auth like a browser.
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { QUEUES } from "@/lib/jobs/definitions";
import { closeQueues, subscriptionSchedulerId } from "@/lib/jobs/queues";
import { createTestDashboard, createTestDataSource, signInCookie } from "@/lib/testing/fixtures";
import { requireWebApp } from "@/lib/testing/web-app";

const password = "correct horse battery";
let editor: string;
let viewer: string;
let dashboardId: string;
const userIds: string[] = [];
let digestQueue: Queue;
let refreshQueue: Queue;
const jobsToRemove: { queue: Queue; id: string }[] = [];

const base = () => getRuntimeEnv().APP_URL;

async function api(cookie: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base()}${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

beforeAll(async () => {
  requireWebApp();
  const stamp = Date.now();
  const hash = await hashPassword(password);
  for (const role of ["EDITOR", "VIEWER"] as const) {
    const u = await getDb().user.create({ data: { email: `${role.toLowerCase()}-${stamp}@example.com`, name: role, passwordHash: hash, role } });
    userIds.push(u.id);
  }
  editor = await signInCookie(base(), `editor-${stamp}@example.com`, password);
  viewer = await signInCookie(base(), `viewer-${stamp}@example.com`, password);
  const ds = await createTestDataSource();
  dashboardId = (await createTestDashboard({ dataSourceId: ds.id, title: "API test", charts: [{ title: "One", sql: "select 1 as a" }] })).dashboard.id;
  digestQueue = new Queue(QUEUES.digest, { connection: { url: getRuntimeEnv().REDIS_URL } });
  refreshQueue = new Queue(QUEUES.refresh, { connection: { url: getRuntimeEnv().REDIS_URL } });
});

afterAll(async () => {
  for (const { queue, id } of jobsToRemove) await queue.remove(id).catch(() => 0);
  await digestQueue?.close();
  await refreshQueue?.close();
  await getDb().dashboard.deleteMany({ where: { id: dashboardId } });
  await getDb().user.deleteMany({ where: { id: { in: userIds } } });
  await closeQueues();
  await disconnectDb();
});

describe("subscription and refresh APIs", () => {
  it("needs a session", async () => {
    expect((await api(null, "GET", `/api/dashboards/${dashboardId}/subscriptions`)).status).toBe(401);
    expect((await api(null, "POST", `/api/dashboards/${dashboardId}/refresh`)).status).toBe(401);
  });

  it("lets an editor subscribe recipients, schedules it, and lists it", async () => {
    const bad = await api(editor, "POST", `/api/dashboards/${dashboardId}/subscriptions`, { recipients: ["nope"], cron: "0 8 * * *", timezone: "UTC" });
    expect(bad.status).toBe(422);
    const badCron = await api(editor, "POST", `/api/dashboards/${dashboardId}/subscriptions`, { recipients: ["a@example.com"], cron: "* 8 * * *", timezone: "UTC" });
    expect(badCron.status).toBe(422);
    expect(JSON.stringify(badCron.body)).toContain("at most once an hour");
    const badZone = await api(editor, "POST", `/api/dashboards/${dashboardId}/subscriptions`, { recipients: ["a@example.com"], timezone: "Mars/Base" });
    expect(badZone.status).toBe(422);

    const created = await api(editor, "POST", `/api/dashboards/${dashboardId}/subscriptions`, {
      recipients: ["Ana@Example.com", "bo@example.com"],
      cron: "30 7 * * 1-5",
      timezone: "Europe/Paris",
    });
    expect(created.status).toBe(201);
    const sub = created.body!.subscription as { id: string; schedule: string; recipients: string[]; nextRunAt: string };
    expect(sub).toMatchObject({ schedule: "Weekdays at 07:30", recipients: ["ana@example.com", "bo@example.com"] });
    expect(new Date(sub.nextRunAt).getTime()).toBeGreaterThan(Date.now());
    expect(await digestQueue.getJobScheduler(subscriptionSchedulerId(sub.id))).toMatchObject({ pattern: "30 7 * * 1-5", tz: "Europe/Paris" });

    const list = await api(viewer, "GET", `/api/dashboards/${dashboardId}/subscriptions`);
    expect(list.status).toBe(200);
    expect(list.body!.subscriptions).toEqual([expect.objectContaining({ id: sub.id, timezone: "Europe/Paris", lastDelivery: null })]);
  });

  it("takes users, formats, a subject template and a Slack webhook it never returns; edits with PATCH", async () => {
    const bad = await api(editor, "POST", `/api/dashboards/${dashboardId}/subscriptions`, { recipients: ["ok@example.com", "nope"], subjectTemplate: "{{title}}" });
    expect(bad.status).toBe(422);
    expect((bad.body!.error as { message: string }).message).toBe(
      "recipients.1: “nope” is not an email address; subjectTemplate: Unknown placeholder {{title}}: use {{dashboard}} and {{date}}",
    );
    const picker = await api(editor, "GET", `/api/dashboards/${dashboardId}/subscriptions/recipients`);
    expect(picker.status).toBe(200);
    expect((picker.body!.users as { id: string }[]).map((u) => u.id)).toEqual(expect.arrayContaining(userIds));
    expect((await api(viewer, "GET", `/api/dashboards/${dashboardId}/subscriptions/recipients`)).status).toBe(403);

    const webhook = "https://hooks.slack.com/services/T1/B1/verysecret";
    const created = await api(editor, "POST", `/api/dashboards/${dashboardId}/subscriptions`, {
      recipientUserIds: [userIds[1]],
      recipients: [],
      cron: "0 9 * * 1",
      timezone: "America/New_York",
      attachCsv: true,
      subjectTemplate: "{{dashboard}} weekly",
      slackWebhook: webhook,
    });
    expect(created.status).toBe(201);
    const sub = created.body!.subscription as Record<string, unknown> & { id: string };
    expect(sub).toMatchObject({ slackWebhookSet: true, attachCsv: true, subjectTemplate: "{{dashboard}} weekly", recipientUsers: [{ id: userIds[1], active: true }] });
    expect(JSON.stringify(created.body)).not.toContain("verysecret");
    const list = await api(viewer, "GET", `/api/dashboards/${dashboardId}/subscriptions`);
    expect(JSON.stringify(list.body)).not.toContain("verysecret");

    const patched = await api(editor, "PATCH", `/api/subscriptions/${sub.id}`, { enabled: false, attachPdf: true });
    expect(patched.status).toBe(200);
    expect(patched.body!.subscription).toMatchObject({ enabled: false, attachPdf: true, slackWebhookSet: true });
    expect((await api(viewer, "PATCH", `/api/subscriptions/${sub.id}`, { enabled: true })).status).toBe(403);
    expect((await api(editor, "GET", `/api/subscriptions/${sub.id}/events`)).body).toEqual({ events: [] });
    expect((await api(editor, "DELETE", `/api/subscriptions/${sub.id}`)).status).toBe(200);
  });

  it("keeps viewers from managing subscriptions but lets them refresh", async () => {
    const forbidden = await api(viewer, "POST", `/api/dashboards/${dashboardId}/subscriptions`, { recipients: ["x@example.com"] });
    expect(forbidden.status).toBe(403);
    const sub = (await getDb().subscription.findFirstOrThrow({ where: { dashboardId } })).id;
    expect((await api(viewer, "POST", `/api/subscriptions/${sub}/send`)).status).toBe(403);
    expect((await api(viewer, "DELETE", `/api/subscriptions/${sub}`)).status).toBe(403);

    const refresh = await api(viewer, "POST", `/api/dashboards/${dashboardId}/refresh`);
    expect(refresh.status).toBe(202);
    const jobId = refresh.body!.jobId as string;
    jobsToRemove.push({ queue: refreshQueue, id: jobId });
    expect(await refreshQueue.getJob(jobId)).toMatchObject({ data: { dashboardId, trigger: "manual" } });
    expect((await api(viewer, "POST", `/api/dashboards/does-not-exist/refresh`)).status).toBe(404);
  });

  it("queues 'send now', lists deliveries, and deletes the subscription with its scheduler", async () => {
    const sub = (await getDb().subscription.findFirstOrThrow({ where: { dashboardId } })).id;
    const sent = await api(editor, "POST", `/api/subscriptions/${sub}/send`);
    expect(sent.status).toBe(202);
    const { jobId, scheduledFor } = sent.body as { jobId: string; scheduledFor: string };
    jobsToRemove.push({ queue: digestQueue, id: jobId });
    expect(await digestQueue.getJob(jobId)).toMatchObject({ data: { subscriptionId: sub, trigger: "manual", scheduledFor } });

    const deliveries = await api(editor, "GET", `/api/subscriptions/${sub}/deliveries`);
    expect(deliveries).toEqual({ status: 200, body: { deliveries: [] } });

    const deleted = await api(editor, "DELETE", `/api/subscriptions/${sub}`);
    expect(deleted).toEqual({ status: 200, body: { scheduleRemoved: true } });
    expect(await digestQueue.getJobScheduler(subscriptionSchedulerId(sub))).toBeUndefined();
    expect((await api(editor, "GET", `/api/subscriptions/${sub}/deliveries`)).status).toBe(404);
  });
});
