// Scrolling the SQL page's result grid at the row cap, in Chromium: 100,000 rows of
// `select g, md5(g::text), now() from generate_series(1, 100000) g` run from the real SQL page on
// `next start`, then scrolled from top to bottom with the mouse wheel. Prints:
//   - on the page's clock, time from clicking Run to the run API's complete response, to the first rows painted and to the chart drawn;
//   - frames per second and long frames (> 50 ms) while scrolling, from requestAnimationFrame timestamps;
//   - how many rows are in the DOM while scrolling (the grid is virtualized: it should stay near one screen);
// and the same scroll over a static element of equal height in the same browser, as the baseline.
// Needs a build (`npm run build`). Run: npx tsx bench/grid-scroll.ts [wheel step px = 2800] [rows = 100000]
//   --load=N        N busy-loop processes (`node -e 'for(;;){}'`) run during the scrolls only, so a run under
//                   CPU load can be repeated (the machine is shared; other load comes on top of it);
//   --trace=FILE    a Chromium trace (devtools.timeline) of the measured grid scroll, summarized on stdout:
//                   main-thread time by event (script, style, layout, forced layouts, paint);
//   --profile=FILE  a V8 CPU profile (.cpuprofile, opens in DevTools) of the measured grid scroll;
//   --screenshot=FILE  a PNG of the grid scrolled to its middle, to look at after a change.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { chromiumArgs, findBrowser } from "@/lib/render/find-browser";
import { freePort } from "@/lib/testing/free-port";
import { median, startBenchEnv } from "./bench-env";
import { webServerCommand } from "@/lib/launcher/web-server-command";

const positional = process.argv.slice(2).filter((a) => !a.startsWith("--"));
function flag(name: string): string | undefined {
  return /^--[^=]+=(.*)$/.exec(process.argv.find((a) => a.startsWith(`--${name}=`)) ?? "")?.[1];
}
const ROWS = Number(positional[1] ?? 100_000);
const LOAD = Number(flag("load") ?? 0);
const TRACE_FILE = flag("trace");
const PROFILE_FILE = flag("profile");
const SCREENSHOT_FILE = flag("screenshot");
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
  /** Frames drawn without the row in the middle of the grid's window. */
  blankFrames: number;
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
    window.__blank = 0;
    const tick = (t) => {
      window.__frames.push(t);
      window.__rows.push(node.querySelectorAll('[role="row"]').length);
      // The row in the middle of the grid's window (28 px rows under a 44 px header) must be in the DOM when the
      // frame is drawn; a render later than the scroll shows a blank frame.
      if (node.getAttribute("role") === "grid") {
        const middle = Math.floor((node.scrollTop + node.clientHeight / 2 - 44) / 28);
        if (!node.querySelector('[aria-rowindex="' + (middle + 2) + '"]')) window.__blank++;
      }
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
  const { frames, rows, blank } = await page.evaluate<{ frames: number[]; rows: number[]; blank: number }>(
    "(() => { window.__stop = true; return { frames: window.__frames, rows: window.__rows, blank: window.__blank }; })()",
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
    blankFrames: blank,
    medianDomRows: median(rows),
    reachedBottom,
  };
}

function print(label: string, f: ScrollFigures) {
  console.log(
    `  ${label.padEnd(34)} ${f.fps.toFixed(1).padStart(5)} fps  frame p50 ${f.p50FrameMs.toFixed(1)} ms, p95 ${f.p95FrameMs.toFixed(1)} ms, max ${f.maxFrameMs.toFixed(0)} ms; ` +
      `${f.longFrames} frames > 50 ms of ${f.frames}; ${f.wheelEvents} wheel events in ${f.seconds.toFixed(1)} s; ` +
      `rows in DOM: median ${f.medianDomRows}, max ${f.maxDomRows}; ${f.blankFrames} frames without the rows in view${f.reachedBottom ? "" : " (DID NOT REACH THE BOTTOM)"}`,
  );
}

/** `count` processes that each keep one core busy until stopped: a repeatable share of the CPU taken away. */
function startCpuBurners(count: number): () => void {
  const burners = Array.from({ length: count }, () => spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" }));
  return () => burners.forEach((b) => b.kill("SIGKILL"));
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread CPU time of the event, in µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: unknown };
}

/**
 * The renderer main thread's time by event during a trace, as thread CPU time (`tdur`: what the page cost, the
 * same whatever else runs on the machine) and wall time (`dur`: also the time the thread waited for a core):
 * script, style, layout (and how much of it script forced), paint, compositor commit, pointer events, GC.
 * Nested events are counted in their own line and in their parent's, so the lines do not add up to the total.
 */
function summarizeTrace(json: string): string {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && events.some((x) => x.pid === e.pid && x.name === "FunctionCall"));
  if (!main) return "  (no renderer main thread in the trace)";
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const scripts = onMain.filter((e) => e.name === "FunctionCall" || e.name === "EventDispatch" || e.name === "FireAnimationFrame" || e.name === "TimerFire" || e.name === "v8.run");
  // Events are sorted by start, so an event is nested in a script if it starts before the end of the
  // latest-ending script that started before it.
  const scriptEnds = scripts.map((s) => s.ts + s.dur!);
  const insideScript = (e: TraceEvent) => {
    let end = -Infinity;
    for (let i = 0; i < scripts.length && scripts[i].ts <= e.ts; i++) end = Math.max(end, scriptEnds[i]);
    return e.ts < end;
  };
  const topLevel = (xs: TraceEvent[]) => {
    let end = -Infinity;
    return xs.filter((e) => {
      if (e.ts < end) return false;
      end = e.ts + e.dur!;
      return true;
    });
  };
  const named = (...names: string[]) => topLevel(onMain.filter((e) => names.includes(e.name)));
  const dispatched = (test: (type: string) => boolean) => onMain.filter((e) => e.name === "EventDispatch" && test(String((e.args?.data as { type?: string } | undefined)?.type)));
  const cpu = (xs: TraceEvent[]) => xs.reduce((t, e) => t + (e.tdur ?? 0), 0) / 1000;
  const wall = (xs: TraceEvent[]) => xs.reduce((t, e) => t + e.dur!, 0) / 1000;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const tasks = named("RunTask");
  const span = tasks.length ? (tasks[tasks.length - 1].ts + tasks[tasks.length - 1].dur! - tasks[0].ts) / 1000 : 0;
  const scrolls = dispatched((t) => t === "scroll");
  const layouts = named("Layout");
  const line = (label: string, xs: TraceEvent[], extra = "") =>
    `  ${label.padEnd(40)} CPU ${cpu(xs).toFixed(0).padStart(6)} ms, wall ${wall(xs).toFixed(0).padStart(6)} ms; ${String(xs.length).padStart(5)} events${extra}`;
  return [
    line("main thread tasks", tasks, ` over ${span.toFixed(0)} ms`),
    line("scroll events (virtualizer, React render)", scrolls, `; median CPU ${median(scrolls.map((e) => (e.tdur ?? 0) / 1000)).toFixed(2)} ms`),
    line("style recalculation", named("UpdateLayoutTree")),
    line("layout", layouts, `, ${layouts.filter(insideScript).length} forced by script`),
    line("pre-paint and paint", named("PrePaint", "Paint")),
    line("compositor commit and layerize", named("Commit", "Layerize")),
    line("pointer/mouse over/out events", dispatched((t) => /^(pointer|mouse)(over|out)$/.test(t))),
    line("hit tests", named("HitTest")),
    line("garbage collection", named("MinorGC", "MajorGC")),
  ].join("\n");
}

/** Runs `scroll` with the trace and the CPU profile asked for on the command line around it. */
async function recordScroll<T>(browser: Browser, page: Page, scroll: () => Promise<T>): Promise<{ result: T; traceSummary?: string }> {
  const cdp = PROFILE_FILE ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
  }
  if (TRACE_FILE) await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8"] });
  const result = await scroll();
  let traceSummary: string | undefined;
  if (TRACE_FILE) {
    const trace = (await browser.stopTracing()).toString("utf8");
    writeFileSync(TRACE_FILE, trace);
    traceSummary = summarizeTrace(trace);
  }
  if (cdp) {
    const { profile } = await cdp.send("Profiler.stop");
    writeFileSync(PROFILE_FILE!, JSON.stringify(profile));
    await cdp.detach();
  }
  return { result, traceSummary };
}

/** How many composited layers the page has now (Chromium's layer tree over CDP), after a small scroll of `selector`. */
async function countLayers(page: Page, selector: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const layers = new Promise<number>((resolve) => {
      cdp.on("LayerTree.layerTreeDidChange", (e: { layers?: unknown[] }) => {
        if (e.layers) resolve(e.layers.length);
      });
    });
    await cdp.send("LayerTree.enable");
    await page.locator(selector).evaluate((node) => (node.scrollTop += 280));
    return await Promise.race([layers, new Promise<number>((r) => setTimeout(() => r(NaN), 5000))]);
  } finally {
    await cdp.detach();
  }
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
  const step = Number(positional[0] ?? 2800);
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
    const gridLayers = await countLayers(page, GRID);
    const stopBurners = startCpuBurners(LOAD);
    let traceSummary: string | undefined;
    let grid: ScrollFigures;
    let baseline: ScrollFigures;
    try {
      await scrollToBottom(page, GRID, step, 40);
      ({ result: grid, traceSummary } = await recordScroll(browser, page, () => scrollToBottom(page, GRID, step)));

      if (SCREENSHOT_FILE) {
        await page.locator(GRID).evaluate((node) => (node.scrollTop = node.scrollHeight / 2));
        await page.waitForTimeout(300); // past the virtualizer's end-of-scroll delay
        await page.locator(GRID).screenshot({ path: SCREENSHOT_FILE });
      }

      // Baseline: the same wheel scroll over a static element of the same size and height in the same browser.
      const baselinePage = await context.newPage();
      await baselinePage.setContent(
        `<div id="s" style="height:${gridHeight.client}px;width:${gridHeight.width}px;overflow:auto;font:13px sans-serif">` +
          `<div style="height:${gridHeight.scroll}px;background:repeating-linear-gradient(#fff 0 27px,#f0f2f5 27px 28px)"></div></div>`,
      );
      console.error("scrolling the static element…");
      await scrollToBottom(baselinePage, "#s", step, 40);
      baseline = await scrollToBottom(baselinePage, "#s", step);
    } finally {
      stopBurners();
    }

    console.log(`${os.cpus().length} cores, Chromium ${browser.version()}, headless; wheel step ${step} px (${step / 28} rows); ${LOAD} busy-loop process(es) during the scrolls; load average ${os.loadavg()[0].toFixed(1)}`);
    console.log(`\n${ROWS.toLocaleString("en-US")} rows (${(bytes / 1024 / 1024).toFixed(1)} MiB of JSON): run API's response complete ${tAnswer.toFixed(0)} ms after Run, first rows painted at ${tRows.toFixed(0)} ms (in the DOM at ${(times.rows - times.click).toFixed(0)} ms), chart drawn at ${tChart.toFixed(0)} ms`);
    console.log(`grid: ${gridHeight.scroll.toLocaleString("en-US")} px of scroll height in a ${gridHeight.client} px window; the page has ${gridLayers} composited layers\n`);
    print("result grid, top to bottom", grid);
    print("static element of equal height", baseline);
    if (traceSummary) console.log(`\nrenderer main thread during the grid's scroll (trace in ${TRACE_FILE}):\n${traceSummary}`);
    if (PROFILE_FILE) console.log(`CPU profile of the grid's scroll in ${PROFILE_FILE}`);
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
