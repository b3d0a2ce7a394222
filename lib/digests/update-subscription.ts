import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertQueueAvailable, DIGESTS_UNAVAILABLE_MESSAGE } from "@/lib/jobs/queues";
import { cronProblem } from "@/lib/schedules/cron";
import { updateSubscriptionSchema, type UpdateSubscriptionInput } from "@/lib/schedules/schemas";
import { syncScheduleOrLog } from "./create-subscription";
import { getSubscriptionView } from "./list-subscriptions";
import { assertPickableRecipients } from "./recipient-users";
import { slackWebhookColumn } from "./slack-webhook-secret";
import type { SubscriptionView } from "./subscription-view";

/** Changes the fields given; the result must still reach someone and carry something. */
export async function updateSubscription(
  current: { id: string; cron: string; timezone: string; recipients: string[]; recipientUserIds: string[]; encryptedSlackWebhook: string | null; includeImage: boolean; attachCsv: boolean; attachPdf: boolean },
  dashboard: { isPrivate: boolean; ownerId: string | null },
  input: UpdateSubscriptionInput,
): Promise<SubscriptionView> {
  const data = updateSubscriptionSchema.parse(input);
  const cron = data.cron ?? current.cron;
  const timezone = data.timezone ?? current.timezone;
  if (data.cron !== undefined || data.timezone !== undefined) {
    const problem = cronProblem(cron, timezone);
    if (problem) throw new AppError("INVALID", problem, { field: "cron" });
  }
  const slack = slackWebhookColumn(data.slackWebhook);
  const users = data.recipientUserIds ?? current.recipientUserIds;
  const emails = data.recipients ?? current.recipients;
  const hasSlack = slack === undefined ? Boolean(current.encryptedSlackWebhook) : Boolean(slack);
  if (users.length === 0 && emails.length === 0 && !hasSlack) {
    throw new AppError("INVALID", "Add a recipient: a Spyglass user, an email address or a Slack webhook", { field: "recipients" });
  }
  const formats = [data.includeImage ?? current.includeImage, data.attachCsv ?? current.attachCsv, data.attachPdf ?? current.attachPdf];
  if (!formats.some(Boolean)) throw new AppError("INVALID", "Choose what the email carries: the image, CSV files or a PDF", { field: "includeImage" });
  if (data.recipientUserIds) await assertPickableRecipients(data.recipientUserIds, dashboard);
  const reschedules = data.cron !== undefined || data.timezone !== undefined || data.enabled !== undefined;
  if (reschedules) await assertQueueAvailable(DIGESTS_UNAVAILABLE_MESSAGE);
  await getDb().subscription.update({
    where: { id: current.id },
    data: {
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
      encryptedSlackWebhook: slack,
    },
  });
  if (reschedules) await syncScheduleOrLog(current.id);
  return getSubscriptionView(current.id);
}
