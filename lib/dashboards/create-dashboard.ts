import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { syncDashboardSchedule } from "@/lib/jobs/queues";
import type { z } from "zod";
import type { createDashboardSchema } from "./schemas";

export async function createDashboard(user: SessionUser, input: z.infer<typeof createDashboardSchema>) {
  const dashboard = await getDb().dashboard.create({
    data: { title: input.title, description: input.description, ownerId: user.id },
    select: { id: true },
  });
  await scheduleOrWarn(dashboard.id);
  return dashboard;
}

/** The dashboard is saved either way; if Redis is down, the worker schedules it when it next syncs. */
export async function scheduleOrWarn(dashboardId: string) {
  try {
    await syncDashboardSchedule(dashboardId);
  } catch (error) {
    console.warn(`Could not schedule refreshes for dashboard ${dashboardId} now (the worker will on its next sync):`, error);
  }
}
