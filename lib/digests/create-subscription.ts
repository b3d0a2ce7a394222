import { getDb } from "@/lib/db";
import { assertQueueAvailable, DIGESTS_UNAVAILABLE_MESSAGE, syncSubscriptionSchedule } from "@/lib/jobs/queues";
import { createSubscriptionServerSchema } from "@/lib/schedules/cron";
import type { CreateSubscriptionInput } from "@/lib/schedules/schemas";
import { getSubscriptionView } from "./list-subscriptions";
import { assertPickableRecipients } from "./recipient-users";
import { slackWebhookColumn } from "./slack-webhook-secret";
import type { SubscriptionView } from "./subscription-view";

/** Keeps the job scheduler in step; a failure is left to the workers' periodic sync from the DB. */
export async function syncScheduleOrLog(id: string): Promise<void> {
  try {
    await syncSubscriptionSchedule(id);
  } catch (e) {
    console.error(`Scheduling subscription ${id} failed; the workers' next sync will retry:`, e);
  }
}

/**
 * Creates a digest subscription and its job scheduler. Refuses (UNAVAILABLE) while Redis is unreachable
 * rather than store a schedule that would not run; if Redis drops between the check and the sync, the
 * workers' periodic sync from the DB schedules it.
 */
export async function createSubscription(
  dashboard: { id: string; isPrivate: boolean; ownerId: string | null },
  input: CreateSubscriptionInput,
  createdById: string | null,
): Promise<SubscriptionView> {
  const data = createSubscriptionServerSchema.parse(input);
  await assertPickableRecipients(data.recipientUserIds, dashboard);
  await assertQueueAvailable(DIGESTS_UNAVAILABLE_MESSAGE);
  const created = await getDb().subscription.create({
    data: {
      dashboardId: dashboard.id,
      createdById,
      recipients: data.recipients,
      recipientUserIds: data.recipientUserIds,
      cron: data.cron,
      timezone: data.timezone,
      enabled: data.enabled,
      filterValues: data.filterValues,
      includeImage: data.includeImage,
      attachCsv: data.attachCsv,
      attachPdf: data.attachPdf,
      subjectTemplate: data.subjectTemplate,
      encryptedSlackWebhook: slackWebhookColumn(data.slackWebhook) ?? null,
    },
  });
  await syncScheduleOrLog(created.id);
  return getSubscriptionView(created.id);
}
