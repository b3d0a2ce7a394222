// The delivery lease against the real app DB: one holder at a time, taken over once it lapses, never
// after the delivery was sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { createTestDashboard, createTestDataSource, setTestEnv } from "@/lib/testing/fixtures";
import { takeDeliveryLease } from "./delivery-lease";

let subscriptionId: string;
let dashboardId: string;
let restoreEnv = () => {};

beforeAll(async () => {
  restoreEnv = setTestEnv({ JOB_LOCK_MS: "2000" });
  const { id: dataSourceId } = await createTestDataSource();
  const { dashboard } = await createTestDashboard({ dataSourceId, title: "Lease", charts: [] });
  dashboardId = dashboard.id;
  subscriptionId = (await getDb().subscription.create({ data: { dashboardId, recipients: ["a@example.com"] } })).id;
});

afterAll(async () => {
  restoreEnv();
  await getDb().dashboard.delete({ where: { id: dashboardId } });
  await disconnectDb();
});

const newDelivery = async (at: string) => (await getDb().delivery.create({ data: { subscriptionId, scheduledFor: new Date(at) } })).id;

describe("delivery lease", () => {
  it("has one holder at a time; a failed holder frees it at once", async () => {
    const id = await newDelivery("2026-12-01T08:00:00Z");
    const [a, b] = await Promise.all([takeDeliveryLease(id), takeDeliveryLease(id)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const holder = (a ?? b)!;
    await holder.enter("sending");
    expect(await takeDeliveryLease(id)).toBeUndefined();
    await holder.finish({ status: "failed", error: "SMTP said no" });
    const retry = await takeDeliveryLease(id);
    expect(retry?.interruptedWhile).toBeUndefined(); // it failed cleanly, it was not interrupted
    await retry!.finish({ status: "sent", sentAt: new Date() });
    expect(await takeDeliveryLease(id)).toBeUndefined();
    expect(await getDb().delivery.findUniqueOrThrow({ where: { id }, select: { status: true, attempts: true, leaseUntil: true } })).toEqual({
      status: "sent",
      attempts: 2,
      leaseUntil: null,
    });
  });

  it("is renewed while its holder works, and taken over once a dead holder's lease lapsed", async () => {
    const id = await newDelivery("2026-12-02T08:00:00Z");
    const live = (await takeDeliveryLease(id))!;
    await new Promise((r) => setTimeout(r, 2_600)); // longer than the lease: renewals (every 667 ms) keep it
    expect(await takeDeliveryLease(id)).toBeUndefined();
    await live.enter("sending");
    await live.finish({ status: "sent", sentAt: new Date() });

    const other = await newDelivery("2026-12-03T08:00:00Z");
    // A holder that died mid-send: the row says "sending" with a lease that nobody renews.
    await getDb().delivery.update({ where: { id: other }, data: { status: "sending", leaseUntil: new Date(Date.now() + 2_000) } });
    expect(await takeDeliveryLease(other)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 2_100));
    const takeover = await takeDeliveryLease(other);
    expect(takeover?.interruptedWhile).toBe("sending");
    await takeover!.finish({ status: "failed", error: "test" });
  });
});
