// A new public link to a dashboard: an unguessable token, optionally expiring.
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { getShareableDashboardOrThrow } from "./get-shareable-dashboard";
import type { CreateShareLinkInput, ShareLinkView } from "./schemas";
import { shareLinkRowSelect, toShareLinkView } from "./share-link-view";
import { newShareToken } from "./token";

export async function createShareLink(
  actor: SessionUser,
  dashboardId: string,
  input: CreateShareLinkInput,
  now: Date = new Date(),
): Promise<ShareLinkView> {
  await getShareableDashboardOrThrow(actor, dashboardId);
  const env = getRuntimeEnv();
  const { tokenHash, encryptedToken } = newShareToken(env.ENCRYPTION_KEY);
  const row = await getDb().shareLink.create({
    data: { dashboardId, tokenHash, encryptedToken, createdById: actor.id, createdAt: now, expiresAt: input.expiresAt ?? null },
    select: shareLinkRowSelect,
  });
  return toShareLinkView(row, env, now);
}
