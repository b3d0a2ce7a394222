// Every public link of a dashboard, newest first, for the share panel.
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { getShareableDashboardOrThrow } from "./get-shareable-dashboard";
import type { ShareLinkView } from "./schemas";
import { shareLinkRowSelect, toShareLinkView } from "./share-link-view";

/** Links beyond this many are old history nobody scrolls to. */
const MAX_LISTED = 100;

export async function listShareLinks(actor: SessionUser, dashboardId: string, now: Date = new Date()): Promise<ShareLinkView[]> {
  await getShareableDashboardOrThrow(actor, dashboardId);
  const rows = await getDb().shareLink.findMany({
    where: { dashboardId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_LISTED,
    select: shareLinkRowSelect,
  });
  const env = getRuntimeEnv();
  return rows.map((row) => toShareLinkView(row, env, now));
}
