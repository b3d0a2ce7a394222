import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

/**
 * The app DB, Redis and the workers' heartbeats, each { ok, detail }. 200 when all are ok; 503 when any is
 * down, so a monitor notices schedules that silently stopped (no worker) as well as outages.
 */
export async function GET() {
  const report = await checkHealth();
  return Response.json(report, { status: report.ok ? 200 : 503 });
}
