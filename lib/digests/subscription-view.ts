// What the API returns for a subscription and its deliveries.
import { nextRunAt } from "@/lib/schedules/cron";
import { describeCron } from "@/lib/schedules/schemas";

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
  recipients: string[];
  cron: string;
  timezone: string;
  /** The schedule in words, e.g. "Every day at 08:00". */
  schedule: string;
  enabled: boolean;
  nextRunAt: string | null;
  createdAt: string;
  lastDelivery: DeliveryView | null;
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

export function toSubscriptionView(
  s: { id: string; dashboardId: string; recipients: string[]; cron: string; timezone: string; enabled: boolean; createdAt: Date },
  lastDelivery: Parameters<typeof toDeliveryView>[0] | null,
): SubscriptionView {
  return {
    id: s.id,
    dashboardId: s.dashboardId,
    recipients: s.recipients,
    cron: s.cron,
    timezone: s.timezone,
    schedule: describeCron(s.cron),
    enabled: s.enabled,
    nextRunAt: s.enabled ? (nextRunAt(s.cron, s.timezone)?.toISOString() ?? null) : null,
    createdAt: s.createdAt.toISOString(),
    lastDelivery: lastDelivery ? toDeliveryView(lastDelivery) : null,
  };
}
