// End-to-end specs drive the real app, started by the real launcher (`lib/launcher/start.ts`) with a
// fresh data folder, in Debian's Chromium (Playwright cannot download its own browser here).
import { defineConfig } from "@playwright/test";
import { chromiumArgs, findBrowser } from "./lib/render/find-browser";

// E2E_PORT lets two checkouts run their specs side by side; PostgreSQL and Redis take ports derived from it.
const port = Number(process.env.E2E_PORT ?? 3210);
const executablePath = findBrowser(process.env.CHROMIUM_PATH);
if (!executablePath) throw new Error("Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH).");

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath, args: chromiumArgs },
    viewport: { width: 1400, height: 900 },
    trace: "retain-on-failure",
  },
  webServer: {
    // A fresh install every run: the spec creates the first admin.
    command: `rm -rf .data/e2e && node --import tsx lib/launcher/start.ts`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // Stop it like Ctrl+C does, so PostgreSQL and Redis shut down cleanly.
    gracefulShutdown: { signal: "SIGINT", timeout: 40_000 },
    env: {
      SPYGLASS_DATA_DIR: ".data/e2e",
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      // Below Linux's ephemeral range (32768–60999): a port in it can be held by any outgoing connection of
      // the tests that ran before (a CI run once failed to start PostgreSQL on 54350).
      EMBEDDED_PG_PORT: String(port + 20140),
      EMBEDDED_REDIS_PORT: String(port + 60640),
      DEMO_SCALE: "0.05",
    },
  },
});
