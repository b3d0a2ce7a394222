// Creating and changing subscriptions through lib/digests with the real app DB and Redis: users and outside
// addresses, formats, filter values, subject templates, and a Slack webhook that is stored encrypted and
// never shown again.
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { QUEUES } from "@/lib/jobs/definitions";
import { closeQueues, DIGESTS_UNAVAILABLE_MESSAGE, subscriptionSchedulerId } from "@/lib/jobs/queues";
import { freePort } from "@/lib/testing/free-port";
import { expectAppError } from "@/lib/testing/expect-app-error";
import { createTestDashboard, createTestDataSource, setTestEnv } from "@/lib/testing/fixtures";
import { createSubscription } from "./create-subscription";
import { listSubscriptions } from "./list-subscriptions";
import { listPickableRecipients } from "./recipient-users";
import { decryptSlackWebhook } from "./slack-webhook-secret";
import { updateSubscription } from "./update-subscription";

const WEBHOOK = "https://hooks.slack.com/services/T000/B000/secretsecret";
let dashboard: { id: string; isPrivate: boolean; ownerId: string | null };
let privateDashboard: { id: string; isPrivate: boolean; ownerId: string | null };
const users: Record<string, { id: string; email: string }> = {};
let queue: Queue;

beforeAll(async () => {
  const stamp = Date.now();
  for (const [key, role, active] of [["ana", "EDITOR", true], ["bo", "VIEWER", true], ["gone", "VIEWER", false]] as const) {
    users[key] = await getDb().user.create({ data: { email: `${key}-${stamp}@example.com`, name: key, passwordHash: "x", role, active } });
  }
  const ds = await createTestDataSource();
  dashboard = (await createTestDashboard({ dataSourceId: ds.id, title: "Save test", charts: [{ title: "One", sql: "select 1 as a" }] })).dashboard;
  privateDashboard = await getDb().dashboard.update({ where: { id: (await createTestDashboard({ dataSourceId: ds.id, charts: [] })).dashboard.id }, data: { isPrivate: true, ownerId: users.ana.id } });
  queue = new Queue(QUEUES.digest, { connection: { url: getRuntimeEnv().REDIS_URL } });
});

afterAll(async () => {
  await getDb().dashboard.deleteMany({ where: { id: { in: [dashboard.id, privateDashboard.id] } } });
  await getDb().user.deleteMany({ where: { id: { in: Object.values(users).map((u) => u.id) } } });
  await queue.close();
  await closeQueues();
  await disconnectDb();
});

describe("saving subscriptions", () => {
  it("stores users, outside addresses, formats, filters and the subject; the webhook encrypted and only flagged", async () => {
    const view = await createSubscription(
      dashboard,
      {
        recipientUserIds: [users.ana.id, users.bo.id],
        recipients: ["Outside@Example.org"],
        cron: "0 8 * * 1-5",
        timezone: "Europe/Berlin",
        filterValues: { period: "last_7_days" },
        attachCsv: true,
        attachPdf: true,
        subjectTemplate: "{{dashboard}} on {{date}}",
        slackWebhook: WEBHOOK,
      },
      users.ana.id,
    );
    expect(view).toMatchObject({
      recipients: ["outside@example.org"],
      recipientUsers: [
        { id: users.ana.id, email: users.ana.email, active: true },
        { id: users.bo.id, email: users.bo.email, active: true },
      ],
      schedule: "Weekdays at 08:00",
      filterValues: { period: "last_7_days" },
      includeImage: true,
      attachCsv: true,
      attachPdf: true,
      subjectTemplate: "{{dashboard}} on {{date}}",
      slackWebhookSet: true,
    });
    expect(view.nextRuns).toHaveLength(3);
    expect(JSON.stringify(view)).not.toContain("secretsecret");
    expect(JSON.stringify(await listSubscriptions(dashboard.id))).not.toContain("secretsecret");
    const row = await getDb().subscription.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.encryptedSlackWebhook).not.toContain("secretsecret");
    expect(decryptSlackWebhook(row.encryptedSlackWebhook!)).toBe(WEBHOOK);
    expect(await queue.getJobScheduler(subscriptionSchedulerId(view.id))).toMatchObject({ pattern: "0 8 * * 1-5", tz: "Europe/Berlin" });

    // An update without slackWebhook keeps it; "" removes it; other fields change alone.
    const kept = await updateSubscription(row, dashboard, { subjectTemplate: "Daily {{dashboard}}", enabled: false });
    expect(kept).toMatchObject({ slackWebhookSet: true, subjectTemplate: "Daily {{dashboard}}", enabled: false, nextRunAt: null, attachCsv: true });
    expect(await queue.getJobScheduler(subscriptionSchedulerId(view.id))).toBeUndefined();
    const removed = await updateSubscription(await getDb().subscription.findUniqueOrThrow({ where: { id: view.id } }), dashboard, { slackWebhook: "" });
    expect(removed.slackWebhookSet).toBe(false);
    expect((await getDb().subscription.findUniqueOrThrow({ where: { id: view.id } })).encryptedSlackWebhook).toBeNull();
  });

  it("refuses deactivated or unknown users, and users who cannot open a private dashboard, by name", async () => {
    const inactive = await expectAppError(createSubscription(dashboard, { recipientUserIds: [users.gone.id] }, null));
    expect(inactive.message).toBe(`These users cannot receive this digest: gone <${users.gone.email}> is deactivated.`);
    const unknown = await expectAppError(createSubscription(dashboard, { recipientUserIds: ["nobody"] }, null));
    expect(unknown.message).toBe("These users cannot receive this digest: no user has the id “nobody”.");
    const hidden = await expectAppError(createSubscription(privateDashboard, { recipientUserIds: [users.bo.id] }, null));
    expect(hidden.message).toBe(`These users cannot receive this digest: bo <${users.bo.email}> cannot open this private dashboard.`);
    expect((await listPickableRecipients(privateDashboard)).map((u) => u.id)).toEqual([users.ana.id]);
    const pickable = (await listPickableRecipients(dashboard)).map((u) => u.id);
    expect(pickable).toEqual(expect.arrayContaining([users.ana.id, users.bo.id]));
    expect(pickable).not.toContain(users.gone.id);
  });

  it("refuses an update that leaves nobody to send to, or nothing to send, or a bad schedule", async () => {
    const view = await createSubscription(dashboard, { recipients: ["a@example.com"] }, null);
    const row = await getDb().subscription.findUniqueOrThrow({ where: { id: view.id } });
    expect((await expectAppError(updateSubscription(row, dashboard, { recipients: [] }))).message).toBe(
      "Add a recipient: a Spyglass user, an email address or a Slack webhook",
    );
    expect((await expectAppError(updateSubscription(row, dashboard, { includeImage: false }))).message).toBe(
      "Choose what the email carries: the image, CSV files or a PDF",
    );
    expect((await expectAppError(updateSubscription(row, dashboard, { cron: "*/5 * * * *" }))).message).toBe("A digest can go out at most once an hour.");
  });
  it("while Redis is unreachable, refuses to save a schedule with a message about digests, and stores nothing", async () => {
    const view = await createSubscription(dashboard, { recipients: ["redis@example.com"] }, null);
    const row = await getDb().subscription.findUniqueOrThrow({ where: { id: view.id } });
    await closeQueues();
    const restore = setTestEnv({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      const created = await expectAppError(createSubscription(dashboard, { recipients: ["new@example.com"] }, null));
      expect([created.code, created.message]).toEqual(["UNAVAILABLE", DIGESTS_UNAVAILABLE_MESSAGE]);
      const changed = await expectAppError(updateSubscription(row, dashboard, { cron: "0 9 * * *" }));
      expect([changed.code, changed.message]).toEqual(["UNAVAILABLE", DIGESTS_UNAVAILABLE_MESSAGE]);
      expect(await getDb().subscription.count({ where: { recipients: { has: "new@example.com" } } })).toBe(0);
      expect((await getDb().subscription.findUniqueOrThrow({ where: { id: view.id } })).cron).toBe("0 8 * * *");
    } finally {
      await closeQueues();
      restore();
    }
  }, 30_000);
});
