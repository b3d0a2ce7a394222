// Looks up the dashboard a public token opens. Unknown, revoked, expired and no-longer-authorized tokens
// all end the same way (null, or the one NOT_FOUND error below), so the answer never tells them apart.
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { shareLinkStillAuthorized } from "./permissions";
import { shareLinkStatus } from "./share-link-view";
import { hashShareToken, looksLikeShareToken, tokenMatchesHash } from "./token";

/** lastUsedAt is written at most this often per link, so a busy link does not write on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface ResolvedShareLink {
  linkId: string;
  dashboardId: string;
}

/** The one answer for every token that does not open a dashboard: same code, same message, same status. */
export function shareLinkNotFound(): AppError {
  return new AppError("NOT_FOUND", "This link does not exist or is no longer shared.");
}

/** The link and its dashboard, or null. Records the use (at most once a minute). */
export async function resolveShareToken(token: string, now: Date = new Date()): Promise<ResolvedShareLink | null> {
  if (!looksLikeShareToken(token)) return null;
  const db = getDb();
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: {
      id: true,
      tokenHash: true,
      dashboardId: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: { select: { id: true, role: true, active: true } },
      dashboard: { select: { isPrivate: true, ownerId: true } },
    },
  });
  if (!link || !tokenMatchesHash(token, link.tokenHash)) return null;
  if (shareLinkStatus(link, now) !== "active") return null;
  if (!shareLinkStillAuthorized(link.dashboard, link.createdBy)) return null;

  if (!link.lastUsedAt || now.getTime() - link.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so concurrent requests write once; a request that loses the race changes nothing.
    await db.shareLink.updateMany({
      where: { id: link.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { linkId: link.id, dashboardId: link.dashboardId };
}

export async function resolveShareTokenOrThrow(token: string, now: Date = new Date()): Promise<ResolvedShareLink> {
  const link = await resolveShareToken(token, now);
  if (!link) throw shareLinkNotFound();
  return link;
}
