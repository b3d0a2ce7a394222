// The page the snapshot renderer photographs: the same grid users see, without the app chrome,
// authorized by a short-lived signed token instead of a session.
import { notFound } from "next/navigation";
import { SnapshotView } from "@/components/dashboards/SnapshotView";
import { verifyRenderToken } from "@/lib/auth/render-token";
import { getDashboardView } from "@/lib/dashboards/get-dashboard-view";
import { getRuntimeEnv } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata = { robots: { index: false } };

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
  return <SnapshotView view={view} />;
}
