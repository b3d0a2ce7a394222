import { getDb } from "@/lib/db";
import { syncSubscriptionSchedule } from "@/lib/jobs/queues";

/**
 * Deletes a subscription (its deliveries go with it) and removes its scheduler. Works while Redis is
 * down too: a leftover scheduler finds the subscription gone and removes itself, and the workers' sync
 * from the DB removes it anyway.
 */
export async function deleteSubscription(id: string): Promise<{ scheduleRemoved: boolean }> {
  await getDb().subscription.delete({ where: { id } });
  try {
    await syncSubscriptionSchedule(id);
    return { scheduleRemoved: true };
  } catch (e) {
    console.warn(`Removing the scheduler of deleted subscription ${id} failed; it will be removed later:`, e instanceof Error ? e.message : e);
    return { scheduleRemoved: false };
  }
}
