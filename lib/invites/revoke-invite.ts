// Withdraws a pending invitation: its link stops working at once. Revoking twice is harmless.
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

export async function revokeInvite(id: string, now: Date = new Date()): Promise<void> {
  const db = getDb();
  const { count } = await db.invite.updateMany({ where: { id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
  if (count === 1) return;
  const invite = await db.invite.findUnique({ where: { id }, select: { acceptedAt: true } });
  if (!invite) throw notFound("Invitation");
  if (invite.acceptedAt) throw new AppError("CONFLICT", "This invitation has already been accepted; deactivate the account instead.");
}
