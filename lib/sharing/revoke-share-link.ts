// Revoking a public link: from then on its page, results and image answer 404. Revoking twice is harmless.
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { getShareableDashboardOrThrow } from "./get-shareable-dashboard";
import type { ShareLinkView } from "./schemas";
import { shareLinkRowSelect, toShareLinkView } from "./share-link-view";

export async function revokeShareLink(actor: SessionUser, dashboardId: string, linkId: string, now: Date = new Date()): Promise<ShareLinkView> {
  await getShareableDashboardOrThrow(actor, dashboardId);
  const db = getDb();
  // Conditional update: a link revoked earlier keeps its first revokedAt.
  await db.shareLink.updateMany({ where: { id: linkId, dashboardId, revokedAt: null }, data: { revokedAt: now } });
  const row = await db.shareLink.findFirst({ where: { id: linkId, dashboardId }, select: shareLinkRowSelect });
  if (!row) throw notFound("Share link");
  return toShareLinkView(row, getRuntimeEnv(), now);
}
