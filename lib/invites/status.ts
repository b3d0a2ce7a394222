// The state of an invitation and how each unusable state is explained to the person holding the link.
import { AppError } from "@/lib/errors";

export type InviteStatus = "pending" | "accepted" | "revoked" | "expired";
export type UnusableReason = Exclude<InviteStatus, "pending"> | "unknown";

export function inviteStatus(
  invite: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date = new Date(),
): InviteStatus {
  if (invite.acceptedAt) return "accepted";
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

export const unusableInvite: Record<UnusableReason, { title: string; message: string }> = {
  unknown: { title: "Invitation not found", message: "This invitation link is not valid. Check that you copied all of it, or ask an admin for a new one." },
  expired: { title: "Invitation expired", message: "This invitation has expired. Ask an admin for a new one." },
  revoked: { title: "Invitation withdrawn", message: "This invitation was withdrawn by an admin. Ask an admin for a new one." },
  accepted: { title: "Invitation already used", message: "This invitation has already been used. Sign in with the account it created." },
};

/** A 404 for the API: the link does not lead anywhere usable, and the reason says why. */
export function inviteUnavailableError(reason: UnusableReason): AppError {
  return new AppError("NOT_FOUND", unusableInvite[reason].message, { reason });
}
