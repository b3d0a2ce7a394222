// Recording that a recipient unsubscribed from one subscription (through their signed link), or took it back.
import { getDb } from "@/lib/db";
import type { UnsubscribeTarget } from "./unsubscribe-token";

/** The subscription's dashboard title, or null when the subscription is gone. */
export async function findUnsubscribeSubject(target: UnsubscribeTarget): Promise<{ dashboardTitle: string; optedOut: boolean } | null> {
  const s = await getDb().subscription.findUnique({
    where: { id: target.subscriptionId },
    select: { dashboard: { select: { title: true } }, optOuts: { where: { email: target.email }, select: { id: true } } },
  });
  return s ? { dashboardTitle: s.dashboard.title, optedOut: s.optOuts.length > 0 } : null;
}

/** Records the opt-out (idempotent). False when the subscription no longer exists. */
export async function recordOptOut(target: UnsubscribeTarget): Promise<boolean> {
  if (!(await subscriptionExists(target))) return false;
  await getDb().subscriptionOptOut.upsert({
    where: { subscriptionId_email: { subscriptionId: target.subscriptionId, email: target.email } },
    create: { subscriptionId: target.subscriptionId, email: target.email },
    update: {},
  });
  return true;
}

/** Takes the opt-out back ("Subscribe again" on the unsubscribe page). False when the subscription no longer exists. */
export async function removeOptOut(target: UnsubscribeTarget): Promise<boolean> {
  if (!(await subscriptionExists(target))) return false;
  await getDb().subscriptionOptOut.deleteMany({ where: { subscriptionId: target.subscriptionId, email: target.email } });
  return true;
}

async function subscriptionExists(target: UnsubscribeTarget): Promise<boolean> {
  return (await getDb().subscription.count({ where: { id: target.subscriptionId } })) > 0;
}
