// What the API returns for a subscription and its deliveries. The Slack webhook URL is a secret: the view
// says only whether one is set.
import type { FilterValues } from "@/lib/dashboard-filters/schema";
import { nextRunAt, nextRuns } from "@/lib/schedules/cron";
import { describeCron } from "@/lib/schedules/schemas";
import type { RecipientUser } from "./recipient-users";

export interface DeliveryView {
  id: string;
  status: string;
  trigger: string;
  scheduledFor: string;
  sentAt: string | null;
  attempts: number;
  error: string | null;
  renderMs: number | null;
  createdAt: string;
}

export interface SubscriptionView {
  id: string;
  dashboardId: string;
  /** Outside email addresses. */
  recipients: string[];
  /** Spyglass users picked as recipients (deactivated ones are marked and skipped at send time). */
  recipientUsers: RecipientUser[];
  cron: string;
  timezone: string;
  /** The schedule in words, e.g. "Every day at 08:00". */
  schedule: string;
  enabled: boolean;
  nextRunAt: string | null;
  /** The next few run times (ISO), for the form's preview. */
  nextRuns: string[];
  filterValues: FilterValues;
  includeImage: boolean;
  attachCsv: boolean;
  attachPdf: boolean;
  subjectTemplate: string | null;
  slackWebhookSet: boolean;
  /** Addresses that used the unsubscribe link. */
  optedOut: string[];
  createdAt: string;
  lastDelivery: DeliveryView | null;
}

export interface SubscriptionRow {
  id: string;
  dashboardId: string;
  recipients: string[];
  recipientUserIds: string[];
  cron: string;
  timezone: string;
  enabled: boolean;
  filterValues: unknown;
  includeImage: boolean;
  attachCsv: boolean;
  attachPdf: boolean;
  subjectTemplate: string | null;
  encryptedSlackWebhook: string | null;
  createdAt: Date;
}

export function toDeliveryView(d: {
  id: string;
  status: string;
  trigger: string;
  scheduledFor: Date;
  sentAt: Date | null;
  attempts: number;
  error: string | null;
  renderMs: number | null;
  createdAt: Date;
}): DeliveryView {
  return {
    id: d.id,
    status: d.status,
    trigger: d.trigger,
    scheduledFor: d.scheduledFor.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
    attempts: d.attempts,
    error: d.error,
    renderMs: d.renderMs,
    createdAt: d.createdAt.toISOString(),
  };
}

function upcoming(cron: string, timezone: string): string[] {
  try {
    return nextRuns(cron, timezone, 3).map((t) => new Date(t).toISOString());
  } catch {
    return [];
  }
}

export function toSubscriptionView(
  s: SubscriptionRow,
  lastDelivery: Parameters<typeof toDeliveryView>[0] | null,
  extra: { users?: Map<string, RecipientUser>; optedOut?: string[] } = {},
): SubscriptionView {
  const filterValues = s.filterValues && typeof s.filterValues === "object" && !Array.isArray(s.filterValues) ? (s.filterValues as FilterValues) : {};
  return {
    id: s.id,
    dashboardId: s.dashboardId,
    recipients: s.recipients,
    recipientUsers: s.recipientUserIds.map(
      (id) => extra.users?.get(id) ?? { id, name: "Deleted user", email: "", active: false },
    ),
    cron: s.cron,
    timezone: s.timezone,
    schedule: describeCron(s.cron),
    enabled: s.enabled,
    nextRunAt: s.enabled ? (nextRunAt(s.cron, s.timezone)?.toISOString() ?? null) : null,
    nextRuns: s.enabled ? upcoming(s.cron, s.timezone) : [],
    filterValues,
    includeImage: s.includeImage,
    attachCsv: s.attachCsv,
    attachPdf: s.attachPdf,
    subjectTemplate: s.subjectTemplate,
    slackWebhookSet: Boolean(s.encryptedSlackWebhook),
    optedOut: extra.optedOut ?? [],
    createdAt: s.createdAt.toISOString(),
    lastDelivery: lastDelivery ? toDeliveryView(lastDelivery) : null,
  };
}
