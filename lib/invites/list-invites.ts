// Pending invitations for the People page (never their tokens: only hashes are stored).
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export interface InviteRow {
  id: string;
  email: string;
  role: Role;
  /** Name of the admin who sent it, or null if that account is gone. */
  invitedBy: string | null;
  /** ISO 8601. */
  createdAt: string;
  expiresAt: string;
}

export const inviteRowSelect = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  invitedBy: { select: { name: true } },
} as const;

export function toInviteRow(i: { id: string; email: string; role: Role; createdAt: Date; expiresAt: Date; invitedBy: { name: string } | null }): InviteRow {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    invitedBy: i.invitedBy?.name ?? null,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
  };
}

/** Invitations that can still be accepted, newest first. */
export async function listPendingInvites(now: Date = new Date()): Promise<InviteRow[]> {
  const invites = await getDb().invite.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: inviteRowSelect,
    orderBy: { createdAt: "desc" },
  });
  return invites.map(toInviteRow);
}
