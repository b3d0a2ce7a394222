// Every access decision in one place. Route handlers and pages call these; components never decide access.
import { AppError } from "@/lib/errors";
import type { SessionUser } from "./session";

const rank = { VIEWER: 0, EDITOR: 1, ADMIN: 2 } as const;

export function canEditContent(user: SessionUser): boolean {
  return rank[user.role] >= rank.EDITOR;
}

export function canAdminister(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

/** Accounts, roles and invitations: admins only. */
export function canManagePeople(user: SessionUser): boolean {
  return canAdminister(user);
}

/** Editors (and admins) may run ad-hoc SQL, as in Periscope. */
export function canRunSql(user: SessionUser): boolean {
  return canEditContent(user);
}

export function canViewDashboard(user: SessionUser, dashboard: { isPrivate: boolean; ownerId: string | null }): boolean {
  return !dashboard.isPrivate || dashboard.ownerId === user.id || canAdminister(user);
}

export function assertAllowed(allowed: boolean, action: string): void {
  if (!allowed) throw new AppError("FORBIDDEN", `You do not have permission to ${action}.`);
}
