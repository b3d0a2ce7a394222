// Invitation tokens: 32 random bytes, base64url, sent only in the link. The database keeps their SHA-256,
// so a copy of the database cannot be turned into working links.
import { createHash, randomBytes } from "node:crypto";
import { appUrlFor } from "@/lib/http/app-url";

export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

/** 32 bytes in base64url without padding are always 43 characters of this alphabet. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

/** Cheap check before touching the database: anything else cannot be one of our tokens. */
export function looksLikeInviteToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** The link the invited person opens: APP_URL/invite/<token>. */
export function inviteUrl(appUrl: string, token: string): string {
  return appUrlFor(appUrl, `/invite/${token}`);
}
