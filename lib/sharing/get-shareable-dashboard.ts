// The dashboard whose public links the user wants to manage, or the error that says why not.
import { assertAllowed } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { canManageShareLinks } from "./permissions";

/** NOT_FOUND when the user cannot see the dashboard at all, FORBIDDEN when they may see but not share it. */
export async function getShareableDashboardOrThrow(user: SessionUser, dashboardId: string) {
  const dashboard = await getDashboardOrThrow(dashboardId, user);
  assertAllowed(canManageShareLinks(user, dashboard), "share this dashboard publicly");
  return dashboard;
}
