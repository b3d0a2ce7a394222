// The Slack images of digests against the real app DB: one per delivery, found only by their token, gone
// once expired (on read and by the sweep), when revoked, and with their subscription or dashboard.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { createTestDashboard, createTestDataSource } from "@/lib/testing/fixtures";
import { deleteExpiredDigestImages, digestImageUrl, findDigestImageUrl, getDigestImage, revokeDigestImages, storeDigestImage } from "./digest-image";

const png = (n: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from([n])]);
const tokenOf = (url: string) => /\/api\/digests\/images\/([A-Za-z0-9_-]{43})\.png$/.exec(url)![1];
const DAY = 86_400_000;

let dataSourceId: string;
const dashboards: string[] = [];
let when = Date.UTC(2030, 0, 1);

async function newSubscription() {
  const { dashboard } = await createTestDashboard({ dataSourceId, title: `Images ${Date.now()}`, charts: [] });
  dashboards.push(dashboard.id);
  const subscription = await getDb().subscription.create({ data: { dashboardId: dashboard.id, recipients: ["a@example.com"] } });
  return { dashboardId: dashboard.id, subscriptionId: subscription.id };
}
const newDelivery = async (subscriptionId: string) => (await getDb().delivery.create({ data: { subscriptionId, scheduledFor: new Date((when += 3_600_000)) } })).id;

beforeAll(async () => {
  dataSourceId = (await createTestDataSource()).id;
});

afterAll(async () => {
  await getDb().dashboard.deleteMany({ where: { id: { in: dashboards } } });
  await disconnectDb();
});

describe("digest images", () => {
  it("keeps one image per delivery, served by its token only, for 30 days", async () => {
    const { subscriptionId } = await newSubscription();
    const deliveryId = await newDelivery(subscriptionId);
    const now = new Date("2030-06-01T08:00:00Z");
    const [a, b] = await Promise.all([storeDigestImage(deliveryId, png(1), now), storeDigestImage(deliveryId, png(2), now)]);
    expect(a).toBe(b);
    expect(a).toBe(digestImageUrl(getRuntimeEnv().APP_URL, tokenOf(a)));
    expect(await findDigestImageUrl(deliveryId)).toBe(a);
    const rows = await getDb().digestImage.findMany({ where: { deliveryId } });
    expect(rows).toHaveLength(1);
    // Only the hash of the token is stored in the clear.
    expect(rows[0].tokenHash).not.toContain(tokenOf(a));
    expect(rows[0].encryptedToken).not.toContain(tokenOf(a));
    expect(rows[0].expiresAt.toISOString()).toBe("2030-07-01T08:00:00.000Z");

    const served = await getDigestImage(tokenOf(a), new Date(now.getTime() + 29 * DAY));
    expect(served?.png.equals(Buffer.from(rows[0].png))).toBe(true);
    expect(await getDigestImage(randomBytes(32).toString("base64url"), now)).toBeNull();
    expect(await getDigestImage("short", now)).toBeNull();
    // Expired: refused and deleted when asked for.
    expect(await getDigestImage(tokenOf(a), new Date(now.getTime() + 30 * DAY))).toBeNull();
    expect(await getDb().digestImage.count({ where: { deliveryId } })).toBe(0);
  });

  it("the sweep deletes expired images only", async () => {
    const { subscriptionId } = await newSubscription();
    const now = Date.now();
    const old = await storeDigestImage(await newDelivery(subscriptionId), png(1), new Date(now - 31 * DAY));
    const recent = await storeDigestImage(await newDelivery(subscriptionId), png(2), new Date(now - 29 * DAY));
    const sweepAt = new Date(now);
    expect(await deleteExpiredDigestImages(sweepAt)).toBeGreaterThanOrEqual(1);
    // Asked for as of before its expiry: gone all the same, the sweep deleted it.
    expect(await getDigestImage(tokenOf(old), new Date(now - 30 * DAY))).toBeNull();
    expect(await getDigestImage(tokenOf(recent), sweepAt)).not.toBeNull();
  });

  it("revoking, deleting the subscription or the dashboard deletes the images", async () => {
    const s1 = await newSubscription();
    const d1 = await newDelivery(s1.subscriptionId);
    await storeDigestImage(d1, png(1));
    await storeDigestImage(await newDelivery(s1.subscriptionId), png(2));
    const other = await newSubscription();
    const kept = await storeDigestImage(await newDelivery(other.subscriptionId), png(3));
    expect(await revokeDigestImages(s1.subscriptionId)).toBe(2);
    expect(await findDigestImageUrl(d1)).toBeNull();
    expect(await getDigestImage(tokenOf(kept))).not.toBeNull();

    const s2 = await newSubscription();
    const d2 = await newDelivery(s2.subscriptionId);
    await storeDigestImage(d2, png(4));
    await getDb().subscription.delete({ where: { id: s2.subscriptionId } });
    expect(await getDb().digestImage.count({ where: { deliveryId: d2 } })).toBe(0);

    await getDb().dashboard.delete({ where: { id: other.dashboardId } });
    expect(await getDigestImage(tokenOf(kept))).toBeNull();
  });
});
