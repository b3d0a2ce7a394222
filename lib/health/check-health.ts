// What /api/health reports: the app DB, Redis and the workers' heartbeats, each ok or not with a detail.
// Any of them down makes the whole answer not ok (HTTP 503), because schedules and digests silently stop
// without Redis or a worker, and a load balancer or uptime monitor should see that.
import { getDb } from "@/lib/db";
import { getWorkerHeartbeats } from "@/lib/jobs/heartbeat";

export interface HealthCheck {
  ok: boolean;
  detail: string;
}

export interface HealthReport {
  ok: boolean;
  checks: { database: HealthCheck; redis: HealthCheck; workers: HealthCheck };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function checkHealth(): Promise<HealthReport> {
  const [database, redisAndWorkers] = await Promise.all([
    getDb()
      .$queryRaw`select 1`.then((): HealthCheck => ({ ok: true, detail: "reachable" }))
      .catch((e: unknown): HealthCheck => {
        // The answer is public (no sign-in): Prisma's message names the server's host and port, or the
        // database user, and spans lines of Prisma internals. The operator finds it in the web log.
        console.error("[health] the app database did not answer:", message(e));
        return { ok: false, detail: "unreachable (the web app's log says why)" };
      }),
    getWorkerHeartbeats().then(
      (beats) => ({
        redis: { ok: true, detail: "reachable" },
        workers: {
          ok: beats.length > 0,
          detail:
            beats.length > 0
              ? `${beats.length} worker(s) alive: ${beats.map((b) => `${b.host} pid ${b.pid}`).join(", ")}`
              : "no worker heartbeat in the last 30 s: scheduled refreshes and digests are not running (start one with npm run worker)",
        },
      }),
      (e: unknown) => ({
        redis: { ok: false, detail: message(e) },
        workers: { ok: false, detail: "unknown while Redis is unreachable" },
      }),
    ),
  ]);
  const checks = { database, ...redisAndWorkers };
  return { ok: checks.database.ok && checks.redis.ok && checks.workers.ok, checks };
}
