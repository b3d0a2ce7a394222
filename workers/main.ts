// The worker process: `npm run worker` (`node --import tsx workers/main.ts`). Runs every Spyglass queue (dashboard refreshes, digests),
// keeps the job schedulers in Redis in step with the app DB, reports a heartbeat, and shuts down cleanly
// on SIGTERM/SIGINT (running jobs finish first). Start as many as you like, on as many machines.
import os from "node:os";
import { disconnectDb } from "@/lib/db";
import { deleteExpiredDigestImages } from "@/lib/digests/digest-image";
import { getRuntimeEnv, getSettings } from "@/lib/env";
import { ALL_QUEUES } from "@/lib/jobs/definitions";
import { startHeartbeat } from "@/lib/jobs/heartbeat";
import { closeQueues, syncAllSchedules } from "@/lib/jobs/queues";
import { closeSharedFlights } from "@/lib/queries/shared-flights";
import { missingPrerequisites } from "@/lib/launcher/prerequisites";
import { closeBrowser } from "@/lib/render/browser";
import { closeAllPools } from "@/lib/warehouse/pools";
import { startWorkers } from "./start-workers";

/** The DB is the source of truth for schedules; re-applying it now and then heals anything missed. */
const RESYNC_INTERVAL_MS = 5 * 60_000;
/** A shutdown that takes longer than this (a long job, or Redis already gone) ends the process anyway;
 * BullMQ hands the interrupted job to another worker as stalled. */
const SHUTDOWN_DEADLINE_MS = 25_000;

function log(line: string) {
  console.log(`${new Date().toISOString()} ${line}`);
}

function main() {
  let env: ReturnType<typeof getRuntimeEnv>;
  try {
    env = getRuntimeEnv();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  const missing = missingPrerequisites({ needRedis: false, chromiumPath: getSettings().CHROMIUM_PATH });
  if (missing) {
    console.error(missing);
    process.exit(1);
  }

  const running = startWorkers({ concurrency: env.WORKER_CONCURRENCY, log });
  const heartbeat = startHeartbeat(running.connection, { queues: ALL_QUEUES, concurrency: env.WORKER_CONCURRENCY }, (e) =>
    log(`[worker] heartbeat failed: ${e instanceof Error ? e.message : String(e)}`),
  );
  log(`[worker] started on ${os.hostname()} pid ${process.pid}: queues ${ALL_QUEUES.join(", ")}, concurrency ${env.WORKER_CONCURRENCY}`);

  let syncTimer: NodeJS.Timeout | undefined;
  let stopping = false;
  const sync = async () => {
    try {
      const r = await syncAllSchedules();
      log(
        `[schedules] synced from the DB: ${r.upserted} upserted, ${r.unchanged} unchanged, ${r.removed} removed` +
          (r.errors.length ? `; ${r.errors.length} failed: ${r.errors.join("; ")}` : ""),
      );
      return true;
    } catch (e) {
      log(`[schedules] sync failed (will retry): ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  };
  // Slack images past their lifetime are refused when asked for already; this removes their bytes.
  // Every worker runs it; a second delete of the same rows deletes nothing.
  const sweepDigestImages = async () => {
    try {
      const deleted = await deleteExpiredDigestImages();
      if (deleted > 0) log(`[digests] deleted ${deleted} expired Slack image(s)`);
    } catch (e) {
      log(`[digests] deleting expired Slack images failed (will retry): ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const scheduleSync = (delay: number) => {
    if (stopping) return;
    syncTimer = setTimeout(async () => {
      await sweepDigestImages();
      const ok = await sync();
      scheduleSync(ok ? RESYNC_INTERVAL_MS : 15_000);
    }, delay);
  };
  void sync().then((ok) => scheduleSync(ok ? RESYNC_INTERVAL_MS : 15_000));

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearTimeout(syncTimer);
    log(`[worker] ${signal}: finishing running jobs, then exiting`);
    const deadline = setTimeout(() => {
      log(`[worker] shutdown took longer than ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    const step = async (name: string, fn: () => Promise<unknown>) => {
      try {
        await fn();
      } catch (e) {
        log(`[worker] closing ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    await step("heartbeat", () => heartbeat.stop());
    await step("workers", () => running.close());
    await step("browser", () => closeBrowser());
    await step("queues", () => closeQueues());
    await step("query coordination", () => closeSharedFlights());
    await step("warehouse pools", () => closeAllPools());
    await step("database", () => disconnectDb());
    log("[worker] stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main();
