// `npm start`: everything Spyglass needs, in one process tree.
//   embedded PostgreSQL (unless DATABASE_URL) → redis-server (unless REDIS_URL) → migrations →
//   demo warehouse (first start only) → web app build if stale → the web server (Next + compression) + one worker.
// Ctrl+C (SIGINT) or SIGTERM stops the children first, then the servers.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { getSettings, resetSettingsCache } from "@/lib/env";
import { startEmbeddedPostgres, type EmbeddedPg } from "./embedded-postgres";
import { loadOrCreateSecrets } from "./generated-secrets";
import { applyMigrations } from "./migrate";
import { buildWebAppIfNeeded } from "./next-build";
import { missingPrerequisites } from "./prerequisites";
import { startRedisServer, type RedisServer } from "./redis-server";
import { webServerCommand } from "./web-server-command";

const t0 = Date.now();
const log = (line: string) => console.log(`[spyglass] ${line}`);
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

let pgServer: EmbeddedPg | undefined;
let redis: RedisServer | undefined;
const children: ChildProcess[] = [];
let stopping = false;

async function main() {
  const settings = getSettings();
  const problem = missingPrerequisites({ needRedis: !settings.REDIS_URL, chromiumPath: settings.CHROMIUM_PATH });
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  const dataDir = path.resolve(settings.SPYGLASS_DATA_DIR);
  const secrets = loadOrCreateSecrets(dataDir);

  let databaseUrl = settings.DATABASE_URL;
  let warehouseUrl = settings.DEMO_WAREHOUSE_URL;
  if (!databaseUrl) {
    pgServer = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port: settings.EMBEDDED_PG_PORT,
      password: secrets.postgresPassword,
    });
    await pgServer.ensureDatabase("spyglass");
    await pgServer.ensureDatabase("warehouse");
    databaseUrl = pgServer.url("spyglass");
    warehouseUrl ??= pgServer.url("warehouse");
    log(`Embedded PostgreSQL ready on port ${settings.EMBEDDED_PG_PORT} (${elapsed()})`);
  }
  warehouseUrl ??= databaseUrl;

  let redisUrl = settings.REDIS_URL;
  if (!redisUrl) {
    redis = await startRedisServer({ dataDir: path.join(dataDir, "redis"), port: settings.EMBEDDED_REDIS_PORT });
    redisUrl = redis.url;
    log(`redis-server ready on port ${settings.EMBEDDED_REDIS_PORT} (${elapsed()})`);
  }

  const appUrl = settings.APP_URL ?? `http://localhost:${settings.PORT}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    DEMO_WAREHOUSE_URL: warehouseUrl,
    AUTH_SECRET: settings.AUTH_SECRET ?? secrets.authSecret,
    ENCRYPTION_KEY: settings.ENCRYPTION_KEY ?? secrets.encryptionKey,
    SPYGLASS_DATA_DIR: dataDir,
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // The launcher itself also uses lib/ code (demo seed) that reads these settings.
  Object.assign(process.env, childEnv);
  resetSettingsCache();

  await applyMigrations(databaseUrl, log);
  log(`App database migrated (${elapsed()})`);

  if (settings.DEMO === "on") {
    const { ensureDemoWarehouse } = await import("@/lib/demo/load-demo-warehouse");
    const { seedDemoContent } = await import("@/lib/demo/seed-demo-content");
    const { connectionFromUrl } = await import("@/lib/warehouse/connection-from-url");
    const { getDb } = await import("@/lib/db");
    // ensureDemoWarehouse logs the load time itself on the first start.
    await ensureDemoWarehouse({ url: warehouseUrl, scale: settings.DEMO_SCALE, log });
    await seedDemoContent(getDb(), { connection: connectionFromUrl(warehouseUrl, "demo") });
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
  }

  await buildWebAppIfNeeded(log);

  const webServer = webServerCommand(settings.PORT);
  startChild("web", webServer.command, webServer.args, { ...childEnv, NODE_ENV: "production", SPYGLASS_ROLE: "web" });
  // Node with tsx's loader rather than the tsx CLI: the CLI runs the script in a child process and, when
  // that child does not acknowledge a relayed SIGTERM within 30 ms (a busy machine), SIGKILLs it, which
  // cuts the worker's orderly shutdown short.
  startChild("worker", process.execPath, ["--import", "tsx", "workers/main.ts"], { ...childEnv, SPYGLASS_ROLE: "worker" });
  await waitForWeb(`http://127.0.0.1:${settings.PORT}/api/health`);
  log(`Spyglass is ready at ${appUrl} (started in ${elapsed()}). Press Ctrl+C to stop.`);
}

function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  // Same process group as the launcher on purpose: whoever kills the group (a terminal's Ctrl+C, a
  // supervisor, Playwright) stops every child too, so nothing is left running without the launcher.
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (stream: NodeJS.ReadableStream, out: NodeJS.WritableStream) => {
    let buf = "";
    stream.on("data", (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split("\n");
      buf = lines.pop() ?? "";
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout!, process.stdout);
  prefix(child.stderr!, process.stderr);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[spyglass] The ${name} process stopped unexpectedly (${signal ?? `exit ${code}`}); shutting down.`);
    void shutdown(1);
  });
  children.push(child);
}

async function waitForWeb(url: string) {
  for (let i = 0; i < 600; i++) {
    if (stopping) return;
    try {
      // 503 is the web app answering that a dependency is down (e.g. the worker has not beaten yet): it is up.
      const status = (await fetch(url)).status;
      if (status < 500 || status === 503) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The web app did not come up at ${url}`);
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("Stopping...");
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          const force = setTimeout(() => c.kill("SIGKILL"), 30_000);
          c.once("exit", () => {
            clearTimeout(force);
            resolve();
          });
          c.kill("SIGTERM");
        }),
    ),
  );
  await redis?.stop().catch((e) => console.error("redis-server did not stop cleanly:", e));
  await pgServer?.stop().catch((e) => console.error("PostgreSQL did not stop cleanly:", e));
  log("Stopped.");
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

main().catch(async (error: unknown) => {
  console.error(`[spyglass] Start failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
