// The renderer's waiting logic against small pages served here, in real Chromium: it waits for the page's
// own "rendered" signal, refuses pages that fail, never signal, or draw nothing, and says why.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeBrowser, getBrowser } from "./browser";
import { countPngColors } from "./png-colors";
import { RenderError, renderPagePng } from "./render-page";

const pages: Record<string, string> = {
  // Draws a bar chart on a canvas after a delay, then signals "done".
  "/ok": `<!doctype html><html><body style="margin:0;background:#fff">
    <h1>Sales</h1><section data-testid="dashboard-tile"><canvas id="c" width="400" height="200"></canvas></section>
    <script>
      setTimeout(() => {
        const ctx = document.getElementById("c").getContext("2d");
        ctx.fillStyle = "#2f6fde"; ctx.fillRect(20, 50, 60, 150); ctx.fillStyle = "#c4302b"; ctx.fillRect(120, 100, 60, 100);
        window.__spyglassRender = { total: 1, rendered: 1, failed: 0, errors: [] };
        document.documentElement.dataset.spyglassRender = "done";
      }, 300);
    </script></body></html>`,
  // Taller than the viewport, with a number drawn as HTML at the very bottom.
  "/tall": `<!doctype html><html><body style="margin:0;background:#fff">
    <main style="padding:10px"><div style="height:2000px;background:linear-gradient(#fff,#2f6fde)"></div>
    <section data-testid="dashboard-tile"><div data-chart-status="rendered" style="font-size:40px">245</div></section></main>
    <script>
      window.__spyglassRender = { total: 1, rendered: 1, failed: 0, errors: [] };
      document.documentElement.dataset.spyglassRender = "done";
    </script></body></html>`,
  // Every chart failed.
  "/failed": `<!doctype html><html><body><h1>Broken</h1><script>
      console.error("chart library exploded");
      window.__spyglassRender = { total: 2, rendered: 0, failed: 2, errors: ["Revenue: relation \\"sales\\" does not exist", "Users: no data yet"] };
      document.documentElement.dataset.spyglassRender = "failed";
    </script></body></html>`,
  // Never signals.
  "/never": `<!doctype html><html><body><h1>Stuck</h1><script>
      console.error("waiting for a chart that never comes");
      window.__spyglassRender = { total: 3, rendered: 1, failed: 0, errors: [] };
    </script></body></html>`,
  // Signals "done" but its chart drew nothing.
  "/blank": `<!doctype html><html><body style="background:#fff"><section data-testid="dashboard-tile"><canvas width="300" height="150"></canvas></section><script>
      window.__spyglassRender = { total: 1, rendered: 1, failed: 0, errors: [] };
      document.documentElement.dataset.spyglassRender = "done";
    </script></body></html>`,
};

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = pages[new URL(req.url ?? "/", "http://x").pathname];
    res.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await closeBrowser();
  await new Promise((r) => server.close(r));
});

async function renderError(path: string, timeoutMs = 10_000): Promise<RenderError> {
  try {
    await renderPagePng(`${base}${path}?token=secret-token`, { timeoutMs });
  } catch (e) {
    expect(e).toBeInstanceOf(RenderError);
    return e as RenderError;
  }
  throw new Error(`Rendering ${path} should have failed`);
}

describe("renderPagePng", () => {
  it("waits for the page's signal and returns a full-page PNG at 2x", async () => {
    const shot = await renderPagePng(`${base}/ok`, { width: 800 });
    expect(shot.width).toBe(1600);
    // Cut where the content ends (heading + 200 px canvas), not at the 800 px viewport.
    expect(shot.height).toBeGreaterThan(2 * 200);
    expect(shot.height).toBeLessThan(2 * 400);
    expect(shot.png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const { colors, width } = await countPngColors(shot.png);
    expect(width).toBe(1600);
    // white, two bar colours and the heading's anti-aliased text
    expect(colors).toBeGreaterThan(3);
  });

  it("captures content below the fold, and counts an HTML number view as drawn", async () => {
    const shot = await renderPagePng(`${base}/tall`, { width: 600 });
    expect(shot.width).toBe(1200);
    expect(shot.height).toBeGreaterThan(2 * 2000);
    expect(shot.height).toBeLessThan(2 * 2200);
  });

  it("fails with the page's own errors and console errors when no chart rendered", async () => {
    const err = await renderError("/failed");
    expect(err.message).toContain("No chart rendered (2 of 2 failed)");
    expect(err.message).toContain('Revenue: relation "sales" does not exist');
    expect(err.message).toContain("chart library exploded");
  });

  it("fails after its deadline, never hangs, when the page never signals", async () => {
    const started = Date.now();
    const err = await renderError("/never", 1_500);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(err.message).toContain("did not signal that it finished rendering within 2 s (1 rendered, 0 failed of 3)");
    expect(err.message).toContain("waiting for a chart that never comes");
    // The token never appears in errors or logs.
    expect(err.message).not.toContain("secret-token");
  });

  it("refuses a page whose charts drew nothing", async () => {
    const err = await renderError("/blank");
    expect(err.message).toContain("looks blank");
  });

  it("reports an HTTP error from the render page", async () => {
    const err = await renderError("/missing");
    expect(err.message).toContain("answered HTTP 404");
  });

  it("reuses one browser and relaunches it after it disconnected", async () => {
    const first = await getBrowser();
    expect(await getBrowser()).toBe(first);
    first.process()?.kill("SIGKILL");
    await new Promise<void>((resolve) => (first.connected ? first.once("disconnected", () => resolve()) : resolve()));
    const shot = await renderPagePng(`${base}/ok`, { width: 400 });
    expect(shot.width).toBe(800);
    const second = await getBrowser();
    expect(second).not.toBe(first);
    expect(second.connected).toBe(true);
  });
});
