// The page the snapshot renderer photographs: the same grid users see, without the app chrome,
// authorized by a short-lived signed token instead of a session.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SnapshotView } from "@/components/dashboards/SnapshotView";
import { verifyRenderToken } from "@/lib/auth/render-token";
import { getDashboardView } from "@/lib/dashboards/get-dashboard-view";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { isValidTimeZone } from "@/lib/schedules/schemas";

export const dynamic = "force-dynamic";

/**
 * The dashboard's name as the document title: a PDF download or attachment takes its Title from it (it said
 * "Spyglass" for every dashboard). Checked against the token like the page, so a bad token learns nothing.
 */
export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}): Promise<Metadata> {
  const { id } = await params;
  const token = (await searchParams).token;
  const robots = { index: false };
  if (typeof token !== "string" || !verifyRenderToken(token, `dashboard:${id}`, getRuntimeEnv().AUTH_SECRET)) return { robots };
  const dashboard = await getDb().dashboard.findUnique({ where: { id }, select: { title: true } });
  return dashboard ? { title: { absolute: dashboard.title }, robots } : { robots };
}

export default async function RenderDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token : undefined;
  if (!token || !verifyRenderToken(token, `dashboard:${id}`, getRuntimeEnv().AUTH_SECRET)) notFound();
  // Filter values (f.<name>) of a download made from a filtered view, or of a digest subscription; bound
  // as parameters.
  const view = await getDashboardView(id, { searchParams: query });
  if (!view) notFound();
  // Display only (the "taken at" line); anything that is not a time zone falls back to UTC.
  const timeZone = typeof query.tz === "string" && isValidTimeZone(query.tz) ? query.tz : "UTC";
  return <SnapshotView view={view} timeZone={timeZone} />;
}
