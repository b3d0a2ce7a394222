import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { QUEUES } from "@/lib/jobs/definitions";
import { dashboardSchedulerId } from "@/lib/jobs/queues";
import { createTestDashboard, createTestDataSource } from "@/lib/testing/fixtures";
import { expectAppError } from "@/lib/testing/expect-app-error";
import { AppError } from "@/lib/errors";
import { updateDashboardSchema } from "./schemas";
import { updateDashboard } from "./update-dashboard";

const users: Record<"editor" | "owner" | "admin" | "viewer", SessionUser> = {} as never;

beforeAll(async () => {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  for (const [key, role] of [["editor", "EDITOR"], ["owner", "EDITOR"], ["admin", "ADMIN"], ["viewer", "VIEWER"]] as const) {
    const u = await getDb().user.create({ data: { email: `update-${key}-${stamp}@example.com`, name: key, passwordHash: "x", role } });
    users[key] = { id: u.id, email: u.email, name: u.name, role: u.role };
  }
});

afterAll(async () => {
  await getDb().user.deleteMany({ where: { id: { in: Object.values(users).map((u) => u.id) } } });
});

describe("updateDashboard", () => {
  const queue = new Queue(QUEUES.refresh, { connection: { url: getRuntimeEnv().REDIS_URL } });
  afterAll(() => queue.close());

  it("sets the refresh interval, and the scheduler follows it", async () => {
    const ds = await createTestDataSource();
    const { dashboard } = await createTestDashboard({ dataSourceId: ds.id, charts: [], refreshIntervalMinutes: 0 });
    const saved = await updateDashboard(users.editor, dashboard.id, { version: dashboard.version, refreshIntervalMinutes: 30 });
    expect(saved).toMatchObject({ refreshIntervalMinutes: 30, version: dashboard.version + 1 });
    const scheduler = await queue.getJobScheduler(dashboardSchedulerId(dashboard.id));
    expect(scheduler?.every).toBe(30 * 60_000);

    await updateDashboard(users.editor, dashboard.id, { version: saved.version, refreshIntervalMinutes: 0 });
    expect(await queue.getJobScheduler(dashboardSchedulerId(dashboard.id))).toBeUndefined();
  });

  it("refuses to overwrite a newer version", async () => {
    const ds = await createTestDataSource();
    const { dashboard } = await createTestDashboard({ dataSourceId: ds.id, charts: [] });
    await updateDashboard(users.editor, dashboard.id, { version: dashboard.version, title: "First save" });
    const stale = updateDashboard(users.editor, dashboard.id, { version: dashboard.version, title: "Second save" });
    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT", details: { currentVersion: dashboard.version + 1 } });
  });

  it("saves title, description and tags (lower case, once each) and records the version", async () => {
    const ds = await createTestDataSource();
    const { dashboard } = await createTestDashboard({ dataSourceId: ds.id, charts: [] });
    const input = updateDashboardSchema.parse({
      version: dashboard.version,
      title: "  Finance weekly ",
      description: "For the **Monday** meeting.",
      tags: ["Finance", " weekly  KPIs ", "finance"],
    });
    const saved = await updateDashboard(users.editor, dashboard.id, input);
    expect(saved).toEqual({
      id: dashboard.id,
      title: "Finance weekly",
      description: "For the **Monday** meeting.",
      tags: ["finance", "weekly kpis"],
      isPrivate: false,
      refreshIntervalMinutes: dashboard.refreshIntervalMinutes,
      refreshCron: null,
      refreshTimezone: "UTC",
      version: dashboard.version + 1,
    });
    const version = await getDb().dashboardVersion.findUniqueOrThrow({
      where: { dashboardId_version: { dashboardId: dashboard.id, version: saved.version } },
    });
    expect(version.savedById).toBe(users.editor.id);
    expect(version.snapshot).toMatchObject({ title: "Finance weekly", tags: ["finance", "weekly kpis"] });
  });

  it("rejects tags it cannot store, with a readable message", () => {
    const parsed = updateDashboardSchema.safeParse({ version: 1, tags: ["ok", "no, commas"] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["Tags use letters, digits, spaces, dots, dashes and underscores."]);
  });

  it("lets only the owner or an admin change privacy, and viewers nothing", async () => {
    const ds = await createTestDataSource();
    const { dashboard } = await createTestDashboard({ dataSourceId: ds.id, charts: [] });
    await getDb().dashboard.update({ where: { id: dashboard.id }, data: { ownerId: users.owner.id } });

    const notOwner = await expectAppError(updateDashboard(users.editor, dashboard.id, { version: dashboard.version, isPrivate: true }));
    expect(notOwner).toMatchObject({ code: "FORBIDDEN", message: "Only the dashboard's owner or an admin can make it private or shared." });
    // Sending the current value is not a change.
    const same = await updateDashboard(users.editor, dashboard.id, { version: dashboard.version, isPrivate: false, title: "Renamed" });
    expect(same).toMatchObject({ isPrivate: false, title: "Renamed" });

    const byOwner = await updateDashboard(users.owner, dashboard.id, { version: same.version, isPrivate: true });
    expect(byOwner.isPrivate).toBe(true);
    // Now private: another editor cannot even see it.
    expect((await expectAppError(updateDashboard(users.editor, dashboard.id, { version: byOwner.version, title: "x" }))).code).toBe("NOT_FOUND");
    const byAdmin = await updateDashboard(users.admin, dashboard.id, { version: byOwner.version, isPrivate: false });
    expect(byAdmin.isPrivate).toBe(false);

    const viewer = await expectAppError(updateDashboard(users.viewer, dashboard.id, { version: byAdmin.version, title: "Mine now" }));
    expect(viewer).toMatchObject({ code: "FORBIDDEN", message: "You do not have permission to edit dashboards." });
  });
});
