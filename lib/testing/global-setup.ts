// Integration-test setup: real servers, started here and torn down after the run.
// - an embedded PostgreSQL in a fresh temporary folder, with the app DB migrated and a small demo warehouse
// - redis-server from the PATH (no persistence)
// - the built web app (lib/launcher/web-server.ts, as `npm start` runs it), when a build exists, for tests that load real pages (snapshots)
// The connection settings reach the test processes through process.env, read by lib/env.ts.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPg } from "@/lib/launcher/embedded-postgres";
import { applyMigrations } from "@/lib/launcher/migrate";
import { startRedisServer, type RedisServer } from "@/lib/launcher/redis-server";
import { freePort } from "./free-port";
import { webServerCommand } from "@/lib/launcher/web-server-command";

export const TEST_DEMO_SCALE = 0.02;

let pgServer: EmbeddedPg | undefined;
let redis: RedisServer | undefined;
let web: ChildProcess | undefined;
let tmp: string | undefined;

export async function setup() {
  tmp = mkdtempSync(path.join(os.tmpdir(), "spyglass-test-"));
  // mkdtemp makes a 0700 folder; PostgreSQL runs as its own user (we may be root) and must enter it.
  chmodSync(tmp, 0o755);
  const [pgPort, redisPort, webPort] = await Promise.all([freePort(), freePort(), freePort()]);
  pgServer = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), port: pgPort, password: randomBytes(12).toString("hex") });
  await pgServer.ensureDatabase("spyglass");
  await pgServer.ensureDatabase("warehouse");
  redis = await startRedisServer({ dataDir: path.join(tmp, "redis"), port: redisPort, persist: false });

  const env = {
    NODE_ENV: "test",
    SPYGLASS_ROLE: "test",
    SPYGLASS_DATA_DIR: tmp,
    DATABASE_URL: pgServer.url("spyglass"),
    DEMO_WAREHOUSE_URL: pgServer.url("warehouse"),
    REDIS_URL: redis.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    PORT: String(webPort),
    APP_URL: `http://127.0.0.1:${webPort}`,
    NEXTAUTH_URL: `http://127.0.0.1:${webPort}`,
  };
  Object.assign(process.env, env);

  await applyMigrations(env.DATABASE_URL);
  const { ensureDemoWarehouse } = await import("@/lib/demo/load-demo-warehouse");
  await ensureDemoWarehouse({ url: env.DEMO_WAREHOUSE_URL, scale: TEST_DEMO_SCALE });

  if (existsSync(path.resolve(".next", "BUILD_ID"))) {
    web = spawn(webServerCommand(webPort, "127.0.0.1").command, webServerCommand(webPort, "127.0.0.1").args, {
      env: { ...process.env, ...env, NODE_ENV: "production", SPYGLASS_ROLE: "web" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitForHttp(`${env.APP_URL}/api/health`, 60_000);
  } else {
    process.env.SPYGLASS_TEST_NO_WEB = "1";
  }
}

export async function teardown() {
  if (web && web.exitCode === null) {
    web.kill("SIGTERM");
    await new Promise((r) => web!.once("exit", r));
  }
  await redis?.stop();
  await pgServer?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      // /api/health answers 503 while no worker runs (none does in the integration tests): the web app is up.
      if (res.status < 500 || res.status === 503) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The web app did not answer at ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
