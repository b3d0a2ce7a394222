// Looks an invitation up by the token in its link, for the public accept page and API.
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { inviteStatus, inviteUnavailableError, type UnusableReason } from "./status";
import { hashInviteToken, looksLikeInviteToken } from "./token";

/** What the person holding a usable link may see: no ids, no hashes. */
export interface InviteForAcceptance {
  email: string;
  role: Role;
  invitedBy: string | null;
  /** ISO 8601. */
  expiresAt: string;
  /** An account with this email exists already (made since the invitation was sent). */
  accountExists: boolean;
}

export type InviteLookup = { status: "pending"; invite: InviteForAcceptance } | { status: UnusableReason };

export async function lookupInvite(token: string, now: Date = new Date()): Promise<InviteLookup> {
  if (!looksLikeInviteToken(token)) return { status: "unknown" };
  const db = getDb();
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, invitedBy: { select: { name: true } } },
  });
  if (!invite) return { status: "unknown" };
  const status = inviteStatus(invite, now);
  if (status !== "pending") return { status };
  const account = await db.user.findFirst({ where: { email: { equals: invite.email, mode: "insensitive" } }, select: { id: true } });
  return {
    status: "pending",
    invite: {
      email: invite.email,
      role: invite.role,
      invitedBy: invite.invitedBy?.name ?? null,
      expiresAt: invite.expiresAt.toISOString(),
      accountExists: account !== null,
    },
  };
}

/** For the API: the usable invitation, or a 404 whose message says why the link is not usable. */
export async function getPendingInviteOrThrow(token: string, now: Date = new Date()): Promise<InviteForAcceptance> {
  const found = await lookupInvite(token, now);
  if (found.status !== "pending") throw inviteUnavailableError(found.status);
  return found.invite;
}
