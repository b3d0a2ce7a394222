// Public share-link tokens: 32 random bytes, base64url. The database keeps their SHA-256 to look them up
// and an encrypted copy so editors can copy the link again; a copy of the database alone opens nothing
// without the encryption key.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { decryptJson, encryptJson } from "@/lib/crypto/secret-box";
import { appUrlFor } from "@/lib/http/app-url";

/** 32 bytes in base64url without padding are always 43 characters of this alphabet. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface NewShareToken {
  token: string;
  tokenHash: string;
  encryptedToken: string;
}

export function newShareToken(encryptionKey: string): NewShareToken {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashShareToken(token), encryptedToken: encryptJson({ token }, encryptionKey) };
}

export function decryptShareToken(encryptedToken: string, encryptionKey: string): string {
  return decryptJson<{ token: string }>(encryptedToken, encryptionKey).token;
}

/** Cheap check before touching the database: anything else cannot be one of our tokens. */
export function looksLikeShareToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** Whether `token` hashes to `storedHash`, compared in constant time. */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashShareToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The public page of a link: APP_URL/share/<token>. */
export function shareUrl(appUrl: string, token: string): string {
  return appUrlFor(appUrl, `/share/${token}`);
}

/** The snapshot image Slack and others show for a public link (og:image must be absolute). */
export function shareImageUrl(appUrl: string, token: string): string {
  return appUrlFor(appUrl, `/api/share/${token}/image.png`);
}
