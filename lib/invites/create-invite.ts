// An admin invites someone by email and role: a single-use link valid for 7 days, emailed when an SMTP
// server is configured, and always returned so the admin can copy it.
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRuntimeEnv, getSettings } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendInviteEmail } from "./invite-email";
import { inviteRowSelect, toInviteRow, type InviteRow } from "./list-invites";
import type { CreateInviteInput } from "./schemas";
import { INVITE_TTL_MS, inviteUrl, newInviteToken } from "./token";

/** Whether the link also went out by email, in words the admin can act on. */
export type InviteEmailOutcome =
  | { sent: true; message: string }
  | { sent: false; reason: "not-configured" | "failed"; message: string };

export interface CreatedInvite {
  invite: InviteRow;
  url: string;
  delivery: InviteEmailOutcome;
}

export async function createInvite(actor: SessionUser, input: CreateInviteInput, now: Date = new Date()): Promise<CreatedInvite> {
  const db = getDb();
  const existing = await db.user.findFirst({ where: { email: { equals: input.email, mode: "insensitive" } }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `${input.email} already has an account.`);

  const { token, tokenHash } = newInviteToken();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  const invite = await db.$transaction(async (tx) => {
    // A new invitation replaces any earlier one for the same address: only the newest link works.
    await tx.invite.updateMany({
      where: { email: { equals: input.email, mode: "insensitive" }, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    return tx.invite.create({
      data: { email: input.email, role: input.role, tokenHash, invitedById: actor.id, expiresAt, createdAt: now },
      select: inviteRowSelect,
    });
  });
  const url = inviteUrl(getRuntimeEnv().APP_URL, token);
  return { invite: toInviteRow(invite), url, delivery: await emailInvite({ to: input.email, inviterName: actor.name, role: input.role, url, expiresAt }) };
}

async function emailInvite(input: Parameters<typeof sendInviteEmail>[0]): Promise<InviteEmailOutcome> {
  // Without SMTP the mail transport would write to the outbox folder, which nobody reads for invites:
  // say plainly that no email went out, and let the admin pass the link on.
  if (!getSettings().SMTP_URL) {
    return { sent: false, reason: "not-configured", message: "No email was sent: no SMTP server is configured. Copy the link and send it yourself." };
  }
  try {
    await sendInviteEmail(input);
    return { sent: true, message: `Invitation emailed to ${input.to}.` };
  } catch (error) {
    console.error(`Could not email the invitation to ${input.to}:`, error);
    const detail = error instanceof Error ? error.message : String(error);
    return { sent: false, reason: "failed", message: `No email was sent: the SMTP server refused it (${detail}). Copy the link and send it yourself.` };
  }
}
