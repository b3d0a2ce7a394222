// Photographs a page that announces when it has finished drawing (DESIGN.md, decision 4): the page sets
// `document.documentElement.dataset.spyglassRender` to "done" or "failed" and exposes
// `window.__spyglassRender = { total, rendered, failed, errors }`. Never a fixed sleep: every wait has a
// deadline, and a page that never signals, signals "failed", or looks blank is an error that carries the
// page's console errors and its own list of errors.
import type { Page } from "puppeteer-core";
import { getSettings } from "@/lib/env";
import { getBrowser } from "./browser";
import { Limiter } from "./limiter";

export interface RenderedPng {
  png: Buffer;
  /** Size of the PNG in device pixels (CSS pixels × deviceScaleFactor). */
  width: number;
  height: number;
  ms: number;
  /** Where the time went, in the order the steps ran (see RenderPhases). */
  phases: RenderPhases;
}

/**
 * Milliseconds per step of a render, for logs and bench/render-throughput.ts: `context` (browser, incognito
 * context and tab), `setup` (viewport, listeners), `navigate` (until the load event), `signal` (until the
 * page says it finished), `checks` (reading the signal, fonts, the paint check), `capture` steps of the
 * output format, and `close` (closing the context; filled in after the capture, before the render resolves).
 */
export type RenderPhases = Record<string, number>;

export interface RenderPageOptions {
  /** CSS width of the viewport. */
  width?: number;
  deviceScaleFactor?: number;
  /** Deadline of each wait (navigation, the render signal); the whole render gets twice this plus 30 s. */
  timeoutMs?: number;
}

interface RenderSignal {
  total?: number;
  rendered?: number;
  failed?: number;
  errors?: string[];
}

/** A PNG smaller than this cannot hold a dashboard: something went wrong even if Chromium did not say so. */
const MIN_PNG_BYTES = 1_000;

export class RenderError extends Error {
  constructor(
    message: string,
    readonly details: { url: string; consoleErrors: string[]; pageErrors: string[]; signal?: RenderSignal },
  ) {
    const extra = [
      details.pageErrors.length ? `Page reported: ${details.pageErrors.slice(0, 10).join(" | ")}` : "",
      details.consoleErrors.length ? `Console errors: ${details.consoleErrors.slice(0, 10).join(" | ")}` : "",
    ].filter(Boolean);
    super([message, ...extra].join("\n"));
    this.name = "RenderError";
  }
}

const g = globalThis as unknown as { spyglassRenderLimiter?: Limiter };

function limiter(): Limiter {
  g.spyglassRenderLimiter ??= new Limiter(getSettings().RENDER_CONCURRENCY);
  return g.spyglassRenderLimiter;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = "89504e470d0a1a0a";
  if (png.length < 24 || png.subarray(0, 8).toString("hex") !== signature || png.toString("latin1", 12, 16) !== "IHDR") {
    throw new Error("Not a PNG image");
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A URL for logs and errors, without the render token. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.searchParams.has("token")) u.searchParams.set("token", "redacted");
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Checks, inside the page, that something was actually drawn: at least one canvas with two or more
 * colours, one SVG with a visible shape, or an HTML chart view (`[data-chart-status="rendered"]` without a
 * canvas or SVG, e.g. a number or a table; also `[data-spyglass-value]` and table cells) that shows text.
 * A page with no chart visuals at all (text tiles only) passes when it has visible text.
 * Waits for the page's fonts first, in the same round trip.
 * A canvas is read back in bands of rows, stopping at the first pixel that differs from the top-left one:
 * a chart shows a second colour within its first bands, so the check no longer copies (and un-premultiplies)
 * every pixel of a dozen 2× canvases; only a blank canvas is read to the end, as before.
 * Kept as source text: functions compiled by tsx/esbuild may reference helpers (`__name`) that do not
 * exist inside the page.
 */
const PAINT_CHECK = `document.fonts.ready.then(() => {
  let painted = 0;
  const canvases = Array.from(document.querySelectorAll("canvas"));
  for (const canvas of canvases) {
    if (canvas.width === 0 || canvas.height === 0) continue;
    try {
      const ctx = canvas.getContext("2d");
      if (!ctx) continue;
      const bandRows = Math.max(1, Math.floor(65536 / canvas.width));
      let first;
      let drawn = false;
      for (let y = 0; y < canvas.height && !drawn; y += bandRows) {
        const rows = Math.min(bandRows, canvas.height - y);
        // One RGBA pixel per 32-bit word: comparing words compares all four channels.
        const px = new Uint32Array(ctx.getImageData(0, y, canvas.width, rows).data.buffer);
        if (first === undefined) first = px[0];
        for (let i = 0; i < px.length; i++) {
          if (px[i] !== first) {
            drawn = true;
            break;
          }
        }
      }
      if (drawn) painted += 1;
    } catch (e) {
      // A WebGL or tainted canvas cannot be read back: count it as drawn rather than fail the snapshot.
      painted += 1;
    }
  }
  const svgs = Array.from(document.querySelectorAll("svg"));
  for (const svg of svgs) {
    const shapes = Array.from(svg.querySelectorAll("path, rect, circle, ellipse, line, polyline, polygon, text"));
    if (shapes.some((s) => {
      const r = s.getBoundingClientRect();
      return r.width * r.height > 0 || (s.tagName === "text" && (s.textContent || "").trim() !== "");
    })) painted += 1;
  }
  // HTML views (numbers, tables) that say they rendered and show text.
  const htmlViews = Array.from(document.querySelectorAll("[data-chart-status='rendered'], [data-spyglass-value], td"))
    .filter((el) => !el.querySelector("canvas, svg") && (el.textContent || "").trim() !== "");
  if (htmlViews.length > 0) painted += 1;
  if (painted > 0) return { ok: true, painted };
  const chartish = canvases.length + svgs.length + document.querySelectorAll("[data-testid='dashboard-tile']").length;
  if (chartish === 0 && (document.body.innerText || "").trim() !== "") return { ok: true, painted: 0 };
  return { ok: false, painted: 0, reason: "the snapshot looks blank: no chart drew anything (no canvas with colours, no SVG shape, no value)" };
})`;

const SIGNAL_FINISHED = `(() => {
  const s = document.documentElement.dataset.spyglassRender;
  return s === "done" || s === "failed";
})()`;

/** The bottom of the page's content in CSS pixels, so the PNG ends where the dashboard ends. */
const CONTENT_HEIGHT = `(() => {
  let bottom = 0;
  for (const el of Array.from(document.body.children)) {
    const r = el.getBoundingClientRect();
    if (r.height > 0 && r.width > 0) bottom = Math.max(bottom, r.bottom + window.scrollY);
  }
  return Math.ceil(bottom);
})()`;

const READ_SIGNAL = `({ state: document.documentElement.dataset.spyglassRender, signal: window.__spyglassRender })`;

async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => {});
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(onTimeout()), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** What a capture step may use: the CSS width of the page and the details for a RenderError. */
interface CaptureContext {
  width: number;
  /** When the render started (after waiting for a free slot), for timings. */
  started: number;
  /** Records the time since the previous step under `name` (see RenderPhases). */
  lap: (name: string) => void;
  phases: RenderPhases;
  safeUrl: string;
  details: () => RenderError["details"];
}

/**
 * Opens `url` in a fresh incognito context, waits for the render signal and the paint check, then hands the
 * page to `capture` (a screenshot, a PDF). Shared by every output format so they wait in exactly one way.
 */
async function withRenderedPage<T>(url: string, opts: RenderPageOptions, capture: (page: Page, ctx: CaptureContext) => Promise<T>): Promise<T> {
  const width = opts.width ?? 1280;
  const deviceScaleFactor = opts.deviceScaleFactor ?? 2;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const safeUrl = redact(url);
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const details = () => ({ url: safeUrl, consoleErrors: [...consoleErrors], pageErrors: [...pageErrors] });

  return limiter().run(async () => {
    const started = Date.now();
    const phases: RenderPhases = {};
    let last = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      phases[name] = (phases[name] ?? 0) + (now - last);
      last = now;
    };
    const browser = await getBrowser();
    const context = await browser.createBrowserContext();
    try {
      const work = (async () => {
        const page: Page = await context.newPage();
        lap("context");
        page.on("console", (m) => {
          if (m.type() === "error") consoleErrors.push(m.text().slice(0, 500));
        });
        page.on("pageerror", (e) => consoleErrors.push((e instanceof Error ? e.message : String(e)).slice(0, 500)));
        page.on("requestfailed", (r) => {
          consoleErrors.push(`request failed: ${redact(r.url())} (${r.failure()?.errorText ?? "unknown"})`);
        });
        page.setDefaultTimeout(timeoutMs);
        page.setDefaultNavigationTimeout(timeoutMs);
        await page.setViewport({ width, height: 800, deviceScaleFactor });
        await page.emulateMediaFeatures([{ name: "prefers-reduced-motion", value: "reduce" }]);
        lap("setup");

        let response;
        try {
          response = await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
        } catch (e) {
          throw new RenderError(`Could not open ${safeUrl}: ${e instanceof Error ? e.message : String(e)}`, details());
        }
        if (!response || !response.ok()) {
          throw new RenderError(`The render page ${safeUrl} answered HTTP ${response?.status() ?? "(no response)"}.`, details());
        }
        lap("navigate");

        try {
          // "mutation": checked whenever the DOM changes, so the wait ends when the page sets the attribute
          // rather than at the next 100 ms tick.
          await page.waitForFunction(SIGNAL_FINISHED, { timeout: timeoutMs, polling: "mutation" });
        } catch {
          const signal = await page
            .evaluate(READ_SIGNAL)
            .then((r) => (r as { signal?: RenderSignal }).signal)
            .catch(() => undefined);
          if (signal?.errors?.length) pageErrors.push(...signal.errors);
          const progress = signal ? ` (${signal.rendered ?? 0} rendered, ${signal.failed ?? 0} failed of ${signal.total ?? "?"})` : "";
          throw new RenderError(
            `The page did not signal that it finished rendering within ${Math.round(timeoutMs / 1000)} s${progress}: ${safeUrl}`,
            { ...details(), signal },
          );
        }

        lap("signal");
        const { state, signal: sig } = (await page.evaluate(READ_SIGNAL)) as { state?: string; signal?: RenderSignal };
        if (sig?.errors?.length) pageErrors.push(...sig.errors.map((e) => String(e).slice(0, 500)));
        if (state === "failed") {
          throw new RenderError(
            sig?.total === 0
              ? "The dashboard has no charts: add one before sending it (refusing to send a blank snapshot)."
              : `No chart rendered (${sig?.failed ?? "?"} of ${sig?.total ?? "?"} failed): refusing to send a blank snapshot.`,
            { ...details(), signal: sig },
          );
        }

        const paint = (await page.evaluate(PAINT_CHECK)) as { ok: boolean; painted: number; reason?: string };
        if (!paint.ok) throw new RenderError(`Render of ${safeUrl} failed: ${paint.reason}.`, { ...details(), signal: sig });
        lap("checks");

        return capture(page, { width, started, lap, phases, safeUrl, details });
      })();
      // Backstop for the steps without a timeout of their own (evaluate, screenshot): navigation and the
      // signal each have timeoutMs, the rest gets a fixed allowance.
      const overallMs = timeoutMs * 2 + 30_000;
      return await withDeadline(
        work,
        overallMs,
        () => new RenderError(`Rendering ${safeUrl} took longer than ${Math.round(overallMs / 1000)} s.`, details()),
      );
    } finally {
      await context.close().catch(() => {});
      lap("close");
    }
  });
}

/**
 * The PNG of the page from the top down to `height` CSS pixels (the whole page when `height` is 0), also
 * below the viewport, at the page's device scale factor. Exported so the render bench can time this exact
 * capture on a blank page of the same size (the capture's floor).
 */
export async function capturePagePng(page: Page, width: number, height: number): Promise<Buffer> {
  return Buffer.from(
    height > 0
      ? await page.screenshot({ type: "png", clip: { x: 0, y: 0, width, height }, captureBeyondViewport: true })
      : await page.screenshot({ type: "png", fullPage: true, captureBeyondViewport: true }),
  );
}

/** Opens `url` in a fresh incognito context, waits for the render signal and returns a full-page PNG. */
export async function renderPagePng(url: string, opts: RenderPageOptions = {}): Promise<RenderedPng> {
  return withRenderedPage(url, opts, async (page, { width, started, lap, phases, details }) => {
    // The whole page, also below the fold, cut where the content ends rather than at the viewport.
    const contentHeight = Number(await page.evaluate(CONTENT_HEIGHT)) || 0;
    lap("size");
    const png = await capturePagePng(page, width, contentHeight);
    if (png.length < MIN_PNG_BYTES) {
      throw new RenderError(`The screenshot is only ${png.length} bytes: the page is blank.`, details());
    }
    const size = pngSize(png);
    lap("screenshot");
    return { png, width: size.width, height: size.height, ms: Date.now() - started, phases };
  });
}

export interface RenderedPdf {
  pdf: Buffer;
  /** Size of a page in CSS pixels (one page unless the dashboard is taller than MAX_PDF_PAGE_HEIGHT). */
  width: number;
  height: number;
  ms: number;
  phases: RenderPhases;
}

/**
 * Chromium refuses PDF pages taller than 200 inches (19,200 CSS px); longer dashboards continue on further
 * pages of this height.
 */
const MAX_PDF_PAGE_HEIGHT = 19_000;

/**
 * The same page as renderPagePng, as a PDF: one page as wide as the viewport and as tall as the content
 * (screen styles, backgrounds printed), so it looks like the dashboard rather than a printout of it.
 */
export async function renderPagePdf(url: string, opts: RenderPageOptions = {}): Promise<RenderedPdf> {
  return withRenderedPage(url, opts, async (page, { width, started, lap, phases, safeUrl, details }) => {
    await page.emulateMediaType("screen");
    const contentHeight = Number(await page.evaluate(CONTENT_HEIGHT)) || 0;
    lap("size");
    const height = Math.min(Math.max(contentHeight, 1), MAX_PDF_PAGE_HEIGHT);
    const pdf = Buffer.from(
      await page.pdf({
        width: `${width}px`,
        height: `${height}px`,
        printBackground: true,
        margin: { top: 0, right: 0, bottom: 0, left: 0 },
        timeout: opts.timeoutMs ?? 60_000,
      }),
    );
    if (pdf.subarray(0, 5).toString("latin1") !== "%PDF-") {
      throw new RenderError(`Chromium did not produce a PDF of ${safeUrl}.`, details());
    }
    lap("pdf");
    return { pdf, width, height, ms: Date.now() - started, phases };
  });
}
