import { assertAllowed, canAdminister, canEditContent } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { assertRefreshCron } from "@/lib/schedules/refresh-cron";
import { recordDashboardVersion } from "@/lib/versions/record-version";
import { scheduleOrWarn } from "./create-dashboard";
import { getDashboardOrThrow } from "./get-dashboard";
import { conflictError } from "./save-layout";
import type { UpdateDashboardInput } from "./schemas";

/**
 * Who may make a dashboard private or shared again: its owner and admins (a dashboard without an owner,
 * like the demo's, only admins). Belongs with the other checks in lib/auth/permissions.ts.
 */
export function canChangeDashboardPrivacy(user: SessionUser, dashboard: { ownerId: string | null }): boolean {
  return canEditContent(user) && (dashboard.ownerId === user.id || canAdminister(user));
}

export const dashboardSettingsSelect = {
  id: true,
  title: true,
  description: true,
  tags: true,
  isPrivate: true,
  refreshIntervalMinutes: true,
  refreshCron: true,
  refreshTimezone: true,
  version: true,
} as const;

/**
 * Saves title, description, tags, privacy and refresh schedule (interval, or cron in a time zone), refusing to overwrite a newer version,
 * and records the saved state in the version history.
 */
export async function updateDashboard(user: SessionUser, id: string, input: UpdateDashboardInput) {
  const dashboard = await getDashboardOrThrow(id, user);
  assertAllowed(canEditContent(user), "edit dashboards");
  const { version, ...changes } = input;
  if (changes.isPrivate !== undefined && changes.isPrivate !== dashboard.isPrivate && !canChangeDashboardPrivacy(user, dashboard)) {
    throw new AppError("FORBIDDEN", "Only the dashboard's owner or an admin can make it private or shared.");
  }
  // A cron is checked in the time zone it will run in: the new one, or the dashboard's current one.
  const cron = changes.refreshCron === undefined ? dashboard.refreshCron : changes.refreshCron;
  if (cron && (changes.refreshCron !== undefined || changes.refreshTimezone !== undefined)) {
    assertRefreshCron(cron, changes.refreshTimezone ?? dashboard.refreshTimezone);
  }
  const saved = await getDb().$transaction(async (tx) => {
    const { count } = await tx.dashboard.updateMany({
      where: { id, version },
      data: { ...changes, updatedById: user.id, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.dashboard.findUnique({ where: { id }, select: { version: true } });
      if (!current) throw notFound("Dashboard");
      throw conflictError(current.version);
    }
    await recordDashboardVersion(tx, id, user.id);
    return tx.dashboard.findUniqueOrThrow({ where: { id }, select: dashboardSettingsSelect });
  });
  const scheduleChanged = [changes.refreshIntervalMinutes, changes.refreshCron, changes.refreshTimezone].some((v) => v !== undefined);
  if (scheduleChanged) await scheduleOrWarn(id);
  return saved;
}
