// The public page of a share link: the dashboard read-only, no sign-in, never the SQL. Outside the (app)
// group, so the signed-in layout (and its redirect to sign-in) does not apply. Every token that does not
// open a dashboard (unknown, revoked, expired) gets the same 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { cache } from "react";
import { PublicDashboard } from "@/components/sharing/PublicDashboard";
import { refreshDashboardImageIfStale } from "@/lib/sharing/dashboard-image";
import { findPublicDashboard } from "@/lib/sharing/public-dashboard-view";
import { publicDashboardMetadata } from "@/lib/sharing/unfurl-metadata";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ token: string }>; searchParams: Promise<SearchParams> };

// One lookup per request for both the metadata and the page. Filter values (f.<name>) come from the URL.
const load = cache((token: string, searchParams: SearchParams) => findPublicDashboard(token, { searchParams }));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { token } = await params;
  const found = await load(token, await searchParams);
  if (!found) return { title: "Not found", robots: { index: false, follow: false }, referrer: "no-referrer" };
  return publicDashboardMetadata(found.view, token);
}

export default async function SharedDashboardPage({ params, searchParams }: Props) {
  const { token } = await params;
  const query = await searchParams;
  const found = await load(token, query);
  if (!found) notFound();
  // The snapshot for link previews is brought up to date after the page is sent, never before.
  after(() => refreshDashboardImageIfStale(found.dashboardId));
  return <PublicDashboard token={token} initial={found.view} />;
}
