// Redis down: the dashboard page's view still comes from the cache, quickly, and says refreshes are paused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { closeQueues } from "@/lib/jobs/queues";
import { refreshDashboard } from "@/lib/refresh/refresh-dashboard";
import { freePort } from "@/lib/testing/free-port";
import { createTestDashboard, createTestDataSource, setTestEnv } from "@/lib/testing/fixtures";
import { closeAllPools } from "@/lib/warehouse/pools";
import { getDashboardPageView } from "./get-dashboard-page-view";

let dashboardId: string;

beforeAll(async () => {
  const ds = await createTestDataSource();
  const { dashboard } = await createTestDashboard({ dataSourceId: ds.id, charts: [{ title: "Cached", sql: "select 41 + 1 as answer" }] });
  dashboardId = dashboard.id;
  await refreshDashboard(dashboardId, "manual");
});

afterAll(async () => {
  await getDb().dashboard.deleteMany({ where: { id: dashboardId } });
  await closeQueues();
  await closeAllPools();
  await disconnectDb();
});

describe("the dashboard page's view", () => {
  it("says refreshes run while Redis is up", async () => {
    const view = await getDashboardPageView(dashboardId);
    expect(view).toMatchObject({ refreshesPaused: false, refreshesPausedReason: null });
    expect(view!.tiles[0].result?.rows).toEqual([[42]]);
  });

  it("serves the cached results and says refreshes are paused, within seconds, when Redis is unreachable", async () => {
    await closeQueues();
    const restore = setTestEnv({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      const started = Date.now();
      const view = await getDashboardPageView(dashboardId);
      // A generous bound that only a hang would break (the probe gives up after about a second).
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(view).toMatchObject({ refreshesPaused: true, refreshesPausedReason: "Refreshes are paused: the job queue (Redis) is unreachable" });
      expect(view!.tiles.map((t) => [t.chart?.title, t.result?.rows, t.result?.lastError])).toEqual([["Cached", [[42]], null]]);
      expect((await getDashboardPageView(dashboardId))?.refreshesPaused).toBe(true);
    } finally {
      await closeQueues();
      restore();
    }
  });
});
