// Turns a pending invitation into an account with the invited email and role. Single use: claiming the
// invitation and creating the user happen in one transaction, so two submissions cannot both succeed.
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AcceptInviteInput } from "./schemas";
import { inviteStatus, inviteUnavailableError } from "./status";
import { hashInviteToken, looksLikeInviteToken } from "./token";

const accountExists = () => new AppError("CONFLICT", "An account with this email already exists. Sign in instead.");

export async function acceptInvite(token: string, input: AcceptInviteInput, now: Date = new Date()): Promise<{ email: string }> {
  if (!looksLikeInviteToken(token)) throw inviteUnavailableError("unknown");
  const tokenHash = hashInviteToken(token);
  const passwordHash = await hashPassword(input.password);
  try {
    return await getDb().$transaction(async (tx) => {
      const invite = await tx.invite.findUnique({ where: { tokenHash }, select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true } });
      if (!invite) throw inviteUnavailableError("unknown");
      const status = inviteStatus(invite, now);
      if (status !== "pending") throw inviteUnavailableError(status);
      // Waits for a concurrent acceptance of the same row, then sees it accepted and claims nothing.
      const claimed = await tx.invite.updateMany({
        where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (claimed.count !== 1) throw inviteUnavailableError("accepted");
      const existing = await tx.user.findFirst({ where: { email: { equals: invite.email, mode: "insensitive" } }, select: { id: true } });
      if (existing) throw accountExists();
      const user = await tx.user.create({
        data: { email: invite.email.toLowerCase(), name: input.name, passwordHash, role: invite.role },
        select: { email: true },
      });
      return { email: user.email };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw accountExists();
    throw e;
  }
}
