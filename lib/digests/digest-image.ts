// The snapshot a delivery's Slack post shows. Slack incoming webhooks cannot upload files: Slack fetches
// the image from a URL, without signing in. So the PNG of that delivery (rendered with its filter values)
// is kept in the app DB and served by GET /api/digests/images/<token>.png, where the token (32 random
// bytes, the same kind as public share links: lib/sharing/token.ts) is the only credential. The DB keeps
// its SHA-256 to look it up and an encrypted copy, so a retried delivery posts the same URL.
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { decryptShareToken, hashShareToken, looksLikeShareToken, newShareToken, tokenMatchesHash } from "@/lib/sharing/token";
import { DIGEST_IMAGE_TTL_DAYS } from "./digest-image-lifetime";
import { appUrlFor } from "@/lib/http/app-url";

export { DIGEST_IMAGE_TTL_DAYS };

/**
 * How long a browser (or Slack's image proxy) may keep a copy. Short, so that deleting a subscription or
 * revoking its images stops a cached copy soon after; never longer than the image's own lifetime.
 */
export const DIGEST_IMAGE_MAX_AGE_SECONDS = 3_600;

const DAY_MS = 86_400_000;

/** The public address of an image: APP_URL/api/digests/images/<token>.png. */
export function digestImageUrl(appUrl: string, token: string): string {
  return appUrlFor(appUrl, `/api/digests/images/${token}.png`);
}

function urlOf(encryptedToken: string): string {
  const env = getRuntimeEnv();
  return digestImageUrl(env.APP_URL, decryptShareToken(encryptedToken, env.ENCRYPTION_KEY));
}

/** The image URL this delivery already has (an earlier attempt stored it), or null. */
export async function findDigestImageUrl(deliveryId: string): Promise<string | null> {
  const image = await getDb().digestImage.findUnique({ where: { deliveryId }, select: { encryptedToken: true } });
  return image ? urlOf(image.encryptedToken) : null;
}

/**
 * Stores the delivery's PNG under a new token and returns its public URL. One image per delivery: when one
 * is stored already (a concurrent or earlier attempt), that one's URL is returned and `png` is dropped.
 */
export async function storeDigestImage(deliveryId: string, png: Buffer, now: Date = new Date()): Promise<string> {
  const db = getDb();
  const { token, tokenHash, encryptedToken } = newShareToken(getRuntimeEnv().ENCRYPTION_KEY);
  try {
    await db.digestImage.create({
      data: { deliveryId, tokenHash, encryptedToken, png: new Uint8Array(png), createdAt: now, expiresAt: new Date(now.getTime() + DIGEST_IMAGE_TTL_DAYS * DAY_MS) },
    });
    return digestImageUrl(getRuntimeEnv().APP_URL, token);
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const url = await findDigestImageUrl(deliveryId);
      if (url) return url;
    }
    throw e;
  }
}

export interface ServedDigestImage {
  png: Buffer;
  expiresAt: Date;
}

/**
 * The image a token opens, or null for every token that opens nothing (malformed, unknown, expired,
 * deleted), so callers cannot tell those apart. An expired image found here is deleted on the spot.
 */
export async function getDigestImage(token: string, now: Date = new Date()): Promise<ServedDigestImage | null> {
  if (!looksLikeShareToken(token)) return null;
  const db = getDb();
  const image = await db.digestImage.findUnique({ where: { tokenHash: hashShareToken(token) }, select: { id: true, tokenHash: true, png: true, expiresAt: true } });
  if (!image || !tokenMatchesHash(token, image.tokenHash)) return null;
  if (image.expiresAt <= now) {
    await db.digestImage.deleteMany({ where: { id: image.id, expiresAt: { lte: now } } });
    return null;
  }
  return { png: Buffer.from(image.png), expiresAt: image.expiresAt };
}

/** Deletes every expired image; the workers run this with their periodic schedule sync. */
export async function deleteExpiredDigestImages(now: Date = new Date()): Promise<number> {
  return (await getDb().digestImage.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}

/** Deletes every image a subscription has posted: their links stop working at once (cached copies within the max-age). */
export async function revokeDigestImages(subscriptionId: string): Promise<number> {
  return (await getDb().digestImage.deleteMany({ where: { delivery: { subscriptionId } } })).count;
}
