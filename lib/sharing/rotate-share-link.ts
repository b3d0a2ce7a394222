// Rotating a public link: the old token stops working and a new one replaces it, in one transaction, so a
// leaked link can be killed without leaving the people it was meant for without one.
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { getShareableDashboardOrThrow } from "./get-shareable-dashboard";
import type { RotateShareLinkInput, ShareLinkView } from "./schemas";
import { shareLinkRowSelect, toShareLinkView } from "./share-link-view";
import { newShareToken } from "./token";

export interface RotatedShareLink {
  revoked: ShareLinkView;
  link: ShareLinkView;
}

export async function rotateShareLink(
  actor: SessionUser,
  dashboardId: string,
  linkId: string,
  input: RotateShareLinkInput = { expiresAt: undefined },
  now: Date = new Date(),
): Promise<RotatedShareLink> {
  await getShareableDashboardOrThrow(actor, dashboardId);
  const env = getRuntimeEnv();
  const { tokenHash, encryptedToken } = newShareToken(env.ENCRYPTION_KEY);
  const [revoked, link] = await getDb().$transaction(async (tx) => {
    const old = await tx.shareLink.findFirst({ where: { id: linkId, dashboardId }, select: { expiresAt: true } });
    if (!old) throw notFound("Share link");
    // Conditional update, so two rotations at once cannot both succeed and leave two new links.
    const { count } = await tx.shareLink.updateMany({ where: { id: linkId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw new AppError("CONFLICT", "This link was revoked already; create a new link instead.");
    const keptExpiry = old.expiresAt && old.expiresAt.getTime() > now.getTime() ? old.expiresAt : null;
    const created = await tx.shareLink.create({
      data: {
        dashboardId,
        tokenHash,
        encryptedToken,
        createdById: actor.id,
        createdAt: now,
        expiresAt: input.expiresAt === undefined ? keptExpiry : input.expiresAt,
      },
      select: shareLinkRowSelect,
    });
    const revokedRow = await tx.shareLink.findUniqueOrThrow({ where: { id: linkId }, select: shareLinkRowSelect });
    return [revokedRow, created] as const;
  });
  return { revoked: toShareLinkView(revoked, env, now), link: toShareLinkView(link, env, now) };
}
