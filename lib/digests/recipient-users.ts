// Spyglass users as digest recipients: who may be picked, and who gets the email at send time.
import { canViewDashboard } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

type DashboardAccess = { isPrivate: boolean; ownerId: string | null };

export interface RecipientUser {
  id: string;
  name: string;
  email: string;
  active: boolean;
}

const userSelect = { id: true, name: true, email: true, active: true, role: true } as const;

/** Active users who can open the dashboard: the people a digest of it may go to. */
export async function listPickableRecipients(dashboard: DashboardAccess): Promise<RecipientUser[]> {
  const users = await getDb().user.findMany({ where: { active: true }, select: userSelect, orderBy: { name: "asc" } });
  return users.filter((u) => canViewDashboard(u, dashboard)).map(({ id, name, email, active }) => ({ id, name, email, active }));
}

/**
 * Refuses (INVALID, naming them) picked users who do not exist, are deactivated or cannot open the dashboard:
 * a digest must not show a private dashboard to someone the app would not.
 */
export async function assertPickableRecipients(ids: string[], dashboard: DashboardAccess): Promise<void> {
  if (ids.length === 0) return;
  const found = await getDb().user.findMany({ where: { id: { in: ids } }, select: userSelect });
  const byId = new Map(found.map((u) => [u.id, u]));
  const problems: string[] = [];
  for (const id of ids) {
    const u = byId.get(id);
    if (!u) problems.push(`no user has the id “${id}”`);
    else if (!u.active) problems.push(`${u.name} <${u.email}> is deactivated`);
    else if (!canViewDashboard(u, dashboard)) problems.push(`${u.name} <${u.email}> cannot open this private dashboard`);
  }
  if (problems.length) throw new AppError("INVALID", `These users cannot receive this digest: ${problems.join("; ")}.`);
}

/** The users behind the ids, as the API shows them (deactivated ones included, marked). */
export async function findRecipientUsers(ids: string[]): Promise<Map<string, RecipientUser>> {
  if (ids.length === 0) return new Map();
  const users = await getDb().user.findMany({ where: { id: { in: ids } }, select: userSelect });
  return new Map(users.map(({ id, name, email, active }) => [id, { id, name, email, active }]));
}

/**
 * The addresses a digest goes to now: the picked users' current emails (deactivated users, and users who
 * can no longer open the dashboard, are skipped) and the outside addresses, minus those who unsubscribed.
 * Lower-cased and de-duplicated.
 */
export async function resolveRecipientEmails(subscription: {
  id: string;
  recipients: string[];
  recipientUserIds: string[];
  dashboard: DashboardAccess;
}): Promise<{ emails: string[]; skippedUsers: string[]; optedOut: string[] }> {
  const db = getDb();
  const users = subscription.recipientUserIds.length
    ? await db.user.findMany({ where: { id: { in: subscription.recipientUserIds } }, select: userSelect })
    : [];
  const skippedUsers: string[] = [];
  const wanted: string[] = [];
  for (const u of users) {
    if (u.active && canViewDashboard(u, subscription.dashboard)) wanted.push(u.email.toLowerCase());
    else skippedUsers.push(u.email.toLowerCase());
  }
  wanted.push(...subscription.recipients.map((r) => r.toLowerCase()));
  const unique = [...new Set(wanted)];
  const optOuts = await db.subscriptionOptOut.findMany({ where: { subscriptionId: subscription.id }, select: { email: true } });
  const out = new Set(optOuts.map((o) => o.email.toLowerCase()));
  return { emails: unique.filter((e) => !out.has(e)), skippedUsers, optedOut: unique.filter((e) => out.has(e)) };
}
