import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { getRuntimeEnv } from "@/lib/env";
import { QUEUES } from "@/lib/jobs/definitions";
import { dashboardSchedulerId } from "@/lib/jobs/queues";
import { createTestDashboard, createTestDataSource } from "@/lib/testing/fixtures";
import { AppError } from "@/lib/errors";
import { updateDashboard } from "./update-dashboard";

const editor = { id: "u1", email: "e@example.com", name: "Editor", role: "EDITOR" as const };

describe("updateDashboard", () => {
  const queue = new Queue(QUEUES.refresh, { connection: { url: getRuntimeEnv().REDIS_URL } });
  afterAll(() => queue.close());

  it("sets the refresh interval, and the scheduler follows it", async () => {
    const ds = await createTestDataSource();
    const { dashboard } = await createTestDashboard({ dataSourceId: ds.id, charts: [], refreshIntervalMinutes: 0 });
    const saved = await updateDashboard(editor, dashboard.id, { version: dashboard.version, refreshIntervalMinutes: 30 });
    expect(saved).toMatchObject({ refreshIntervalMinutes: 30, version: dashboard.version + 1 });
    const scheduler = await queue.getJobScheduler(dashboardSchedulerId(dashboard.id));
    expect(scheduler?.every).toBe(30 * 60_000);

    await updateDashboard(editor, dashboard.id, { version: saved.version, refreshIntervalMinutes: 0 });
    expect(await queue.getJobScheduler(dashboardSchedulerId(dashboard.id))).toBeUndefined();
  });

  it("refuses to overwrite a newer version", async () => {
    const ds = await createTestDataSource();
    const { dashboard } = await createTestDashboard({ dataSourceId: ds.id, charts: [] });
    await updateDashboard(editor, dashboard.id, { version: dashboard.version, title: "First save" });
    const stale = updateDashboard(editor, dashboard.id, { version: dashboard.version, title: "Second save" });
    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT", details: { currentVersion: dashboard.version + 1 } });
  });
});
