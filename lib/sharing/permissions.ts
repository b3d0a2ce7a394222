// Who may share a dashboard publicly, and when a public link still opens it. These sit beside the other
// access rules in spirit (lib/auth/permissions.ts); route handlers and lib functions call them, components
// never decide.
import { canAdminister, canEditContent, canViewDashboard } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";

interface DashboardAccess {
  isPrivate: boolean;
  ownerId: string | null;
}

/**
 * Create, list, copy, revoke and rotate public links: editors and admins who can see the dashboard.
 * A private dashboard can be shared publicly only by its owner or an admin (which canViewDashboard already
 * implies today; spelled out so the rule survives a change to who may view private dashboards).
 */
export function canManageShareLinks(user: SessionUser, dashboard: DashboardAccess): boolean {
  if (!canEditContent(user) || !canViewDashboard(user, dashboard)) return false;
  return !dashboard.isPrivate || dashboard.ownerId === user.id || canAdminister(user);
}

/**
 * Whether a public link still opens its dashboard. A link on a private dashboard works only while the
 * person who made it is the dashboard's owner or an active admin: a link an editor made while the
 * dashboard was public stops working when the owner makes it private.
 */
export function shareLinkStillAuthorized(
  dashboard: DashboardAccess,
  creator: { id: string; role: SessionUser["role"]; active: boolean } | null,
): boolean {
  if (!dashboard.isPrivate) return true;
  if (!creator || !creator.active) return false;
  return creator.id === dashboard.ownerId || creator.role === "ADMIN";
}

/** Downloads (CSV of a chart, PNG and PDF of the dashboard): anyone signed in who can view the dashboard. */
export function canDownloadDashboard(user: SessionUser, dashboard: DashboardAccess): boolean {
  return canViewDashboard(user, dashboard);
}
