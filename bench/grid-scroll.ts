// Scrolling the SQL page's result grid at the row cap, in Chromium: 100,000 rows of
// `select g, md5(g::text), now() from generate_series(1, 100000) g` run from the real SQL page on
// `next start`, then scrolled from top to bottom with the mouse wheel. Prints:
//   - on the page's clock, time from clicking Run to the run API's complete response, to the first rows painted and to the chart drawn;
//   - frames per second and long frames (> 50 ms) while scrolling, from requestAnimationFrame timestamps;
//   - how many rows are in the DOM while scrolling (the grid is virtualized: it should stay near one screen);
// and the same scroll over a static element of equal height in the same browser, as the baseline.
// Needs a build (`npm run build`). Run: npx tsx bench/grid-scroll.ts [wheel step px = 2800] [rows = 100000]
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { chromiumArgs, findBrowser } from "@/lib/render/find-browser";
import { freePort } from "@/lib/testing/free-port";
import { median, startBenchEnv } from "./bench-env";
import { webServerCommand } from "@/lib/launcher/web-server-command";

const ROWS = Number(process.argv[3] ?? 100_000);
const SQL = `select g, md5(g::text), now() from generate_series(1, ${ROWS}) g`;
const GRID = '[data-testid="results"] [role="grid"]';

interface ScrollFigures {
  wheelEvents: number;
  seconds: number;
  frames: number;
  fps: number;
  p50FrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  longFrames: number;
  maxDomRows: number;
  medianDomRows: number;
  reachedBottom: boolean;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/**
 * Wheels the element matching `selector` from its top to its bottom in steps of `step` px, recording every
 * animation frame (timestamp and number of `[role=row]` elements in it) until it reaches the bottom.
 */
async function scrollToBottom(page: Page, selector: string, step: number, maxEvents = Infinity): Promise<ScrollFigures> {
  const el = page.locator(selector).first();
  await el.evaluate((node) => (node.scrollTop = 0));
  const box = (await el.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height, 400) / 2);
  // A string, not a function: tsx's transform would add helpers (`__name`) that do not exist in the page.
  await page.evaluate(`(() => {
    const node = document.querySelector(${JSON.stringify(selector)});
    window.__frames = [];
    window.__rows = [];
    window.__stop = false;
    const tick = (t) => {
      window.__frames.push(t);
      window.__rows.push(node.querySelectorAll('[role="row"]').length);
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const atBottom = () => el.evaluate((node) => node.scrollTop + node.clientHeight >= node.scrollHeight - 1);
  let wheelEvents = 0;
  const limit = Math.min(maxEvents, Math.ceil((await el.evaluate((node) => node.scrollHeight)) / step) * 3);
  const started = performance.now();
  while (wheelEvents < limit) {
    await page.mouse.wheel(0, step);
    wheelEvents++;
    if (wheelEvents % 20 === 0 && (await atBottom())) break;
  }
  // Let a smooth-scroll animation finish.
  for (let i = 0; i < 50 && wheelEvents < maxEvents && !(await atBottom()); i++) await page.waitForTimeout(20);
  const seconds = (performance.now() - started) / 1000;
  const reachedBottom = await atBottom();
  const { frames, rows } = await page.evaluate<{ frames: number[]; rows: number[] }>(
    "(() => { window.__stop = true; return { frames: window.__frames, rows: window.__rows }; })()",
  );
  const intervals = frames.slice(1).map((t, i) => t - frames[i]);
  return {
    wheelEvents,
    seconds,
    frames: frames.length,
    fps: (frames.length - 1) / ((frames[frames.length - 1] - frames[0]) / 1000),
    p50FrameMs: median(intervals),
    p95FrameMs: percentile(intervals, 95),
    maxFrameMs: Math.max(...intervals),
    longFrames: intervals.filter((d) => d > 50).length,
    maxDomRows: Math.max(...rows),
    medianDomRows: median(rows),
    reachedBottom,
  };
}

function print(label: string, f: ScrollFigures) {
  console.log(
    `  ${label.padEnd(34)} ${f.fps.toFixed(1).padStart(5)} fps  frame p50 ${f.p50FrameMs.toFixed(1)} ms, p95 ${f.p95FrameMs.toFixed(1)} ms, max ${f.maxFrameMs.toFixed(0)} ms; ` +
      `${f.longFrames} frames > 50 ms of ${f.frames}; ${f.wheelEvents} wheel events in ${f.seconds.toFixed(1)} s; ` +
      `rows in DOM: median ${f.medianDomRows}, max ${f.maxDomRows}${f.reachedBottom ? "" : " (DID NOT REACH THE BOTTOM)"}`,
  );
}

async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer at ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main() {
  const step = Number(process.argv[2] ?? 2800);
  if (!existsSync(path.resolve(".next", "BUILD_ID"))) throw new Error("No build: run `npm run build` first.");
  const executablePath = findBrowser();
  if (!executablePath) throw new Error("Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH).");

  const env = await startBenchEnv({ port: await freePort() });
  let web: ChildProcess | undefined;
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const { getDb } = await import("@/lib/db");
    const { hashPassword } = await import("@/lib/auth/password");
    const { childProcessEnv } = await import("@/lib/testing/fixtures");
    const email = "bench@example.com";
    const password = "bench password";
    await getDb().user.create({ data: { email, name: "Bench", passwordHash: await hashPassword(password), role: "ADMIN" } });

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    web = spawn(webServerCommand(port, "127.0.0.1").command, webServerCommand(port, "127.0.0.1").args, {
      env: childProcessEnv({ NODE_ENV: "production", SPYGLASS_ROLE: "web", PORT: String(port), APP_URL: base, NEXTAUTH_URL: base }),
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHttp(`${base}/api/auth/csrf`, 60_000);

    const context = await browser.newContext({ baseURL: base, viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
    await page.goto("/sql");
    const editor = page.getByTestId("sql-editor").locator(".monaco-editor").first();
    await editor.waitFor();
    await editor.click();
    await page.keyboard.insertText(SQL);

    // Time to first rows, on the page's own clock (Playwright's polling needs the page's main thread, so it
    // would also count whatever the page does after drawing the rows): the click on Run, the end of the run
    // API's response, the commit that puts the first cell in the DOM, the frame that paints it (the next
    // requestAnimationFrame), and the chart's drawn status.
    await page.evaluate(`(() => {
      const t = (window.__t = {});
      document.addEventListener("click", () => (t.click ??= performance.now()), { capture: true });
      const observer = new MutationObserver(() => {
        if (t.rows === undefined && document.querySelector(${JSON.stringify(`${GRID} [role="gridcell"]`)})) {
          t.rows = performance.now();
          requestAnimationFrame(() => (t.painted = performance.now()));
        }
        if (t.chart === undefined && document.querySelector('[data-testid="chart"] [data-chart-status]:not([data-chart-status="pending"])')) {
          t.chart = performance.now();
        }
        if (t.rows !== undefined && t.chart !== undefined) observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-chart-status"] });
    })()`);
    const runButton = page.getByRole("button", { name: /^Run/ }).first();
    const answered = page.waitForResponse((r) => r.url().endsWith("/api/queries/run"), { timeout: 120_000 });
    await runButton.click();
    const response = await answered;
    await page.locator(`${GRID} [role="gridcell"]`).first().waitFor({ timeout: 120_000 });
    await page.locator('[data-testid="chart"] [data-chart-status="rendered"], [data-testid="chart"] [data-chart-status="failed"]').first().waitFor({ timeout: 120_000 });
    const times = await page.evaluate<{ click: number; rows: number; painted: number; chart: number; answered: number }>(`(() => {
      const run = performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/api/queries/run")).pop();
      return { ...window.__t, answered: run ? run.responseEnd : NaN };
    })()`);
    const tAnswer = times.answered - times.click;
    const tRows = times.painted - times.click;
    const tChart = times.chart - times.click;
    const bytes = (await response.body()).byteLength;
    const shown = await page.getByTestId("results").getByRole("status").first().innerText();
    if (!shown.startsWith(`${ROWS.toLocaleString("en-US")} rows`)) throw new Error(`expected ${ROWS} rows, the page says: ${shown}`);

    console.error(`first rows painted ${tRows.toFixed(0)} ms after Run`);
    await page.locator(GRID).scrollIntoViewIfNeeded();
    const gridHeight = await page.locator(GRID).evaluate((node) => ({ scroll: node.scrollHeight, client: node.clientHeight, width: node.clientWidth }));
    // A short warm-up (JIT, layers), then measured from the top.
    console.error("warming up, then scrolling the grid…");
    await scrollToBottom(page, GRID, step, 40);
    const grid = await scrollToBottom(page, GRID, step);

    // Baseline: the same wheel scroll over a static element of the same size and height in the same browser.
    const baselinePage = await context.newPage();
    await baselinePage.setContent(
      `<div id="s" style="height:${gridHeight.client}px;width:${gridHeight.width}px;overflow:auto;font:13px sans-serif">` +
        `<div style="height:${gridHeight.scroll}px;background:repeating-linear-gradient(#fff 0 27px,#f0f2f5 27px 28px)"></div></div>`,
    );
    console.error("scrolling the static element…");
    await scrollToBottom(baselinePage, "#s", step, 40);
    const baseline = await scrollToBottom(baselinePage, "#s", step);

    console.log(`${os.cpus().length} cores, Chromium ${browser.version()}, headless; wheel step ${step} px (${step / 28} rows)`);
    console.log(`\n${ROWS.toLocaleString("en-US")} rows (${(bytes / 1024 / 1024).toFixed(1)} MiB of JSON): run API's response complete ${tAnswer.toFixed(0)} ms after Run, first rows painted at ${tRows.toFixed(0)} ms (in the DOM at ${(times.rows - times.click).toFixed(0)} ms), chart drawn at ${tChart.toFixed(0)} ms`);
    console.log(`grid: ${gridHeight.scroll.toLocaleString("en-US")} px of scroll height in a ${gridHeight.client} px window\n`);
    print("result grid, top to bottom", grid);
    print("static element of equal height", baseline);
    console.log(`\nratio grid / static: fps ×${(grid.fps / baseline.fps).toFixed(2)}, p95 frame ×${(grid.p95FrameMs / baseline.p95FrameMs).toFixed(2)}`);
  } finally {
    await browser.close();
    if (web && web.exitCode === null) {
      web.kill("SIGTERM");
      await new Promise((r) => web!.once("exit", r));
    }
    await env.stop();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
