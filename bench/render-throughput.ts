// Snapshot rendering throughput: renders the demo dashboards N times through the real snapshot renderer
// (lib/render: one shared Chromium, a fresh incognito context per render, the explicit "rendered" signal,
// the paint check, a full-page PNG at device scale factor 2) against `next start`, and, as the baseline in
// the same run and the same browser, loads the same render page in a fresh context at the same viewport
// and waits for the same signal, without the paint check or the screenshot. Loads and renders alternate,
// so both see the same machine. Then N renders run at the worker's RENDER_CONCURRENCY to measure
// dashboards per minute per worker.
// Prints p50/p95 of each and the ratio render / page load (target ≤ 1.3), and the capture's floor: the same
// screenshot call on a blank page of the dashboards' size, which bounds the ratio from below.
// Needs a build (.next/BUILD_ID, e.g. `npm run build`). Run: npx tsx bench/render-throughput.ts [renders=24] [demo scale=0.2]
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDemoWarehouse } from "@/lib/demo/load-demo-warehouse";
import { DEMO_SCHEMA } from "@/lib/demo/schema";
import { freePort } from "@/lib/testing/free-port";
import { median, startBenchEnv } from "./bench-env";
import { webServerCommand } from "@/lib/launcher/web-server-command";

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer at ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main() {
  const renders = Number(process.argv[2] ?? 24);
  const scale = Number(process.argv[3] ?? 0.2);
  if (!existsSync(path.resolve(".next", "BUILD_ID"))) {
    console.error("No build (.next/BUILD_ID): run `npm run build` first; the renderer loads the real page from `next start`.");
    process.exit(1);
  }
  const env = await startBenchEnv({ port: await freePort(), schema: DEMO_SCHEMA });
  let web: ChildProcess | undefined;
  try {
    const load = await ensureDemoWarehouse({ url: env.warehouseUrl, scale });
    console.log(`demo warehouse scale ${scale} loaded in ${(load.ms / 1000).toFixed(1)} s; ${os.cpus().length} cores`);
    const { getDb } = await import("@/lib/db");
    const { seedDemoContent } = await import("@/lib/demo/seed-demo-content");
    const { connectionFromUrl } = await import("@/lib/warehouse/connection-from-url");
    const { refreshDashboard } = await import("@/lib/refresh/refresh-dashboard");
    const { childProcessEnv, setTestEnv } = await import("@/lib/testing/fixtures");
    const db = getDb();
    await seedDemoContent(db, { connection: connectionFromUrl(env.warehouseUrl, DEMO_SCHEMA) });
    const dashboards = await db.dashboard.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true, _count: { select: { tiles: true } } } });
    for (const d of dashboards) {
      const run = await refreshDashboard(d.id, "manual");
      if (run.failedCharts) throw new Error(`${d.title}: ${run.error}`);
    }
    console.log(`dashboards: ${dashboards.map((d) => `${d.title} (${d._count.tiles} tiles)`).join(", ")}`);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    setTestEnv({ APP_URL: base });
    web = spawn(webServerCommand(port, "127.0.0.1").command, webServerCommand(port, "127.0.0.1").args, {
      env: childProcessEnv({ NODE_ENV: "production", SPYGLASS_ROLE: "web", PORT: String(port), APP_URL: base, NEXTAUTH_URL: base }),
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHttp(`${base}/api/auth/csrf`, 60_000);

    const { dashboardRenderUrl, renderDashboardPng, closeBrowser } = await import("@/lib/render/render-dashboard");
    const { getBrowser } = await import("@/lib/render/browser");
    const { capturePagePng } = await import("@/lib/render/render-page");
    const { getSettings } = await import("@/lib/env");

    type Timed = { ms: number; phases: Record<string, number> };
    /**
     * The baseline: the same page, same browser and viewport, fresh context, until it signals "done". Its
     * time ends at the signal; closing the context is timed apart (`close`), outside `ms`.
     */
    const loadPage = async (dashboardId: string): Promise<Timed> => {
      const browser = await getBrowser();
      const started = performance.now();
      const phases: Record<string, number> = {};
      let last = started;
      const lap = (name: string) => {
        const now = performance.now();
        phases[name] = now - last;
        last = now;
      };
      const context = await browser.createBrowserContext();
      let ms = 0;
      try {
        const page = await context.newPage();
        lap("context");
        await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 2 });
        lap("setup");
        const res = await page.goto(dashboardRenderUrl(dashboardId), { waitUntil: "load", timeout: 60_000 });
        if (!res?.ok()) throw new Error(`page load answered ${res?.status()}`);
        lap("navigate");
        await page.waitForFunction(`document.documentElement.dataset.spyglassRender === "done"`, { timeout: 60_000, polling: "mutation" });
        lap("signal");
        ms = performance.now() - started;
      } finally {
        await context.close();
        lap("close");
      }
      return { ms, phases };
    };
    const render = async (dashboardId: string): Promise<Timed> => {
      const started = performance.now();
      const shot = await renderDashboardPng(dashboardId);
      return { ms: performance.now() - started, phases: { ...shot.phases, png_kib: shot.png.length / 1024, height_px: shot.height } };
    };
    /** Time of capturePagePng (the renderer's screenshot) alone, on a blank page `cssHeight` tall at 2x. */
    const captureBlankPage = async (cssHeight: number): Promise<number> => {
      const context = await (await getBrowser()).createBrowserContext();
      try {
        const page = await context.newPage();
        await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 2 });
        await page.setContent(`<body style="margin:0"><div style="height:${cssHeight}px;background:#f6f7f9"></div></body>`);
        const started = performance.now();
        await capturePagePng(page, 1280, cssHeight);
        return performance.now() - started;
      } finally {
        await context.close();
      }
    };
    /** Median of each phase, in the order they ran. */
    const phaseMedians = (runs: Timed[]): [string, number][] => {
      const names = [...new Set(runs.flatMap((r) => Object.keys(r.phases)))];
      return names.map((n) => [n, median(runs.map((r) => r.phases[n] ?? 0))]);
    };

    try {
      const { findRenderBrowser } = await import("@/lib/render/find-browser");
      const used = findRenderBrowser(getSettings().CHROMIUM_PATH);
      console.log(`browser: ${used?.path} (${await (await getBrowser()).version()}${used?.shell ? ", headless shell" : ""})`);
      // Warm-up: Next compiles nothing at run time, but the first request of each page fills caches.
      for (const d of dashboards) {
        await loadPage(d.id);
        await render(d.id);
      }
      const loadRuns: Timed[] = [];
      const renderRuns: Timed[] = [];
      for (let i = 0; i < renders; i++) {
        const d = dashboards[i % dashboards.length];
        // Alternate which goes first, so neither always runs on a warmer machine.
        if (i % 2 === 0) {
          loadRuns.push(await loadPage(d.id));
          renderRuns.push(await render(d.id));
        } else {
          renderRuns.push(await render(d.id));
          loadRuns.push(await loadPage(d.id));
        }
      }
      const loads = loadRuns.map((r) => r.ms);
      const renderTimes = renderRuns.map((r) => r.ms);

      // The capture's floor: the same screenshot call on a blank page as large as the median dashboard.
      // Chromium composites and copies every pixel in software whatever the page shows, so this is the
      // least a capture of that size costs in this browser on this machine.
      const cssHeight = Math.round(median(renderRuns.map((r) => r.phases.height_px)) / 2);
      const floorRuns: number[] = [];
      for (let i = 0; i < Math.max(4, Math.ceil(renders / 2)); i++) floorRuns.push(await captureBlankPage(cssHeight));

      const concurrency = getSettings().RENDER_CONCURRENCY;
      const wallStart = performance.now();
      await Promise.all(Array.from({ length: renders }, (_, i) => render(dashboards[i % dashboards.length].id)));
      const wallMs = performance.now() - wallStart;

      console.log(`\n${renders} renders and ${renders} page loads of the ${dashboards.length} demo dashboards, one at a time (after warm-up):`);
      console.log(`  page load in the same browser (baseline)   p50 ${fmt(median(loads)).padStart(8)}   p95 ${fmt(percentile(loads, 95)).padStart(8)}`);
      console.log(`  snapshot render (PNG, 1280 px at 2x)       p50 ${fmt(median(renderTimes)).padStart(8)}   p95 ${fmt(percentile(renderTimes, 95)).padStart(8)}`);
      console.log(
        `  ratio render / page load                   p50 ${(median(renderTimes) / median(loads)).toFixed(2)}×     p95 ${(percentile(renderTimes, 95) / percentile(loads, 95)).toFixed(2)}×   (target ≤ 1.3)`,
      );
      const floor = median(floorRuns);
      console.log(
        `  capture floor: the same screenshot of a blank 2560 × ${cssHeight * 2} px page   p50 ${fmt(floor).padStart(8)}   → lowest ratio this capture allows ${((median(loads) + floor) / median(loads)).toFixed(2)}×`,
      );
      const row = (label: string, [name, v]: [string, number]) =>
        `    ${label.padEnd(8)} ${name.padEnd(11)} ${name.endsWith("kib") || name.endsWith("px") ? v.toFixed(0).padStart(8) : fmt(v).padStart(8)}`;
      console.log(`\nwhere the time goes (median per step; the load's "close" is outside its time):`);
      for (const p of phaseMedians(loadRuns)) console.log(row("load", p));
      for (const p of phaseMedians(renderRuns)) console.log(row("render", p));
      console.log(
        `\nthroughput: ${renders} renders at RENDER_CONCURRENCY=${concurrency} in ${(wallMs / 1000).toFixed(1)} s = ${((renders / wallMs) * 60_000).toFixed(1)} dashboards per minute per worker`,
      );
    } finally {
      await closeBrowser();
    }
  } finally {
    if (web && web.exitCode === null) {
      web.kill("SIGTERM");
      await new Promise((r) => web!.once("exit", r));
    }
    await env.stop();
  }
}

// Exit explicitly: the bench points REDIS_URL at a closed port, and the Redis client's reconnect loop
// would otherwise keep the process alive after the figures are printed.
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
