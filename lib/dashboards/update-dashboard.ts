import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { scheduleOrWarn } from "./create-dashboard";
import type { UpdateDashboardInput } from "./schemas";

/** Saves title, description and refresh interval, refusing to overwrite a newer version. */
export async function updateDashboard(_user: SessionUser, id: string, input: UpdateDashboardInput) {
  const { version, ...changes } = input;
  const { count } = await getDb().dashboard.updateMany({
    where: { id, version },
    data: { ...changes, version: { increment: 1 } },
  });
  if (count === 0) {
    const exists = await getDb().dashboard.findUnique({ where: { id }, select: { version: true } });
    if (!exists) throw notFound("Dashboard");
    throw new AppError("CONFLICT", "Someone else changed this dashboard since you opened it. Reload to see their changes, then try again.", {
      currentVersion: exists.version,
    });
  }
  if (changes.refreshIntervalMinutes !== undefined) await scheduleOrWarn(id);
  return getDb().dashboard.findUniqueOrThrow({
    where: { id },
    select: { id: true, title: true, description: true, refreshIntervalMinutes: true, version: true },
  });
}
