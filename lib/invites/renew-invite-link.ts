// "Copy link" on a pending invitation. Only the token's hash is stored, so the original link cannot be
// shown again: this makes a new token (the earlier link stops working) and restarts the 7 days.
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { inviteRowSelect, toInviteRow, type InviteRow } from "./list-invites";
import { inviteStatus } from "./status";
import { INVITE_TTL_MS, inviteUrl, newInviteToken } from "./token";

export async function renewInviteLink(id: string, now: Date = new Date()): Promise<{ invite: InviteRow; url: string }> {
  const db = getDb();
  const current = await db.invite.findUnique({ where: { id }, select: { acceptedAt: true, revokedAt: true, expiresAt: true } });
  if (!current) throw notFound("Invitation");
  const status = inviteStatus(current, now);
  if (status === "accepted") throw new AppError("CONFLICT", "This invitation has already been accepted.");
  if (status === "revoked") throw new AppError("CONFLICT", "This invitation was revoked. Create a new one.");
  const { token, tokenHash } = newInviteToken();
  // Conditional update: an acceptance or revocation that lands in between wins.
  const { count } = await db.invite.updateMany({
    where: { id, acceptedAt: null, revokedAt: null },
    data: { tokenHash, expiresAt: new Date(now.getTime() + INVITE_TTL_MS) },
  });
  if (count !== 1) throw new AppError("CONFLICT", "This invitation was accepted or revoked meanwhile.");
  const invite = await db.invite.findUniqueOrThrow({ where: { id }, select: inviteRowSelect });
  return { invite: toInviteRow(invite), url: inviteUrl(getRuntimeEnv().APP_URL, token) };
}
