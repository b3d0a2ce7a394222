import { getDb } from "@/lib/db";
import { assertQueueAvailable, syncSubscriptionSchedule } from "@/lib/jobs/queues";
import { createSubscriptionServerSchema } from "@/lib/schedules/cron";
import type { CreateSubscriptionInput } from "@/lib/schedules/schemas";
import { toSubscriptionView, type SubscriptionView } from "./subscription-view";

/**
 * Creates a digest subscription and its job scheduler. Refuses (UNAVAILABLE) while Redis is unreachable
 * rather than store a schedule that would not run; if Redis drops between the check and the sync, the
 * workers' periodic sync from the DB schedules it.
 */
export async function createSubscription(
  dashboardId: string,
  input: CreateSubscriptionInput,
  createdById: string | null,
): Promise<SubscriptionView> {
  const data = createSubscriptionServerSchema.parse(input);
  await assertQueueAvailable();
  const created = await getDb().subscription.create({
    data: { dashboardId, recipients: data.recipients, cron: data.cron, timezone: data.timezone, createdById },
  });
  try {
    await syncSubscriptionSchedule(created.id);
  } catch (e) {
    console.error(`Scheduling subscription ${created.id} failed; the workers' next sync will retry:`, e);
  }
  return toSubscriptionView(created, null);
}
