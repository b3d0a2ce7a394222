import { getDb } from "@/lib/db";
import { getWorkerHeartbeats } from "@/lib/jobs/heartbeat";

export const dynamic = "force-dynamic";

/** Liveness of the web app, the app DB, Redis and the workers. 200 when the web app and DB are up. */
export async function GET() {
  const checks: Record<string, { ok: boolean; detail?: string }> = {};
  try {
    await getDb().$queryRaw`select 1`;
    checks.database = { ok: true };
  } catch (e) {
    checks.database = { ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
  try {
    const workers = await getWorkerHeartbeats();
    checks.redis = { ok: true };
    checks.workers = { ok: workers.length > 0, detail: `${workers.length} worker(s) alive` };
  } catch (e) {
    checks.redis = { ok: false, detail: e instanceof Error ? e.message : String(e) };
    checks.workers = { ok: false, detail: "unknown while Redis is unreachable" };
  }
  return Response.json({ ok: checks.database.ok, checks }, { status: checks.database.ok ? 200 : 503 });
}
