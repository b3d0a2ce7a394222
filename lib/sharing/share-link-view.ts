// How a ShareLink row is shown to editors: its status now, and its URL while it works.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ShareLinkStatus, ShareLinkView } from "./schemas";
import { decryptShareToken, shareUrl } from "./token";

export const shareLinkRowSelect = {
  id: true,
  dashboardId: true,
  encryptedToken: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdBy: { select: { id: true, name: true } },
} as const satisfies Prisma.ShareLinkSelect;

export type ShareLinkRow = Prisma.ShareLinkGetPayload<{ select: typeof shareLinkRowSelect }>;

export function shareLinkStatus(link: { expiresAt: Date | null; revokedAt: Date | null }, now: Date = new Date()): ShareLinkStatus {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export function toShareLinkView(row: ShareLinkRow, env: { APP_URL: string; ENCRYPTION_KEY: string }, now: Date = new Date()): ShareLinkView {
  const status = shareLinkStatus(row, now);
  return {
    id: row.id,
    dashboardId: row.dashboardId,
    status,
    url: status === "active" ? shareUrl(env.APP_URL, decryptShareToken(row.encryptedToken, env.ENCRYPTION_KEY)) : null,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy ? { id: row.createdBy.id, name: row.createdBy.name } : null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
