// One headless Chromium per process, launched on first use, reused by every render and relaunched when it
// has disconnected (crashed or was killed). puppeteer-core is imported lazily so that importing this
// module costs nothing in processes that never render.
import type { Browser } from "puppeteer-core";
import { getSettings } from "@/lib/env";
import { chromiumArgs, findRenderBrowser } from "./find-browser";

const g = globalThis as unknown as { spyglassBrowser?: Promise<Browser> };

export class BrowserMissingError extends Error {
  constructor(explicitPath?: string) {
    super(
      explicitPath
        ? `Chromium was not found at CHROMIUM_PATH=${explicitPath}. Fix the path, or unset it to use Chromium's headless shell or /usr/bin/chromium.`
        : "Chromium is not installed, so dashboard snapshots cannot be rendered. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium-headless-shell`, or `chromium`; macOS: `brew install --cask chromium`) or set CHROMIUM_PATH.",
    );
    this.name = "BrowserMissingError";
  }
}

async function launch(): Promise<Browser> {
  const explicit = getSettings().CHROMIUM_PATH;
  const found = findRenderBrowser(explicit);
  if (!found) throw new BrowserMissingError(explicit);
  const { default: puppeteer } = await import("puppeteer-core");
  const browser = await puppeteer.launch({
    executablePath: found.path,
    args: chromiumArgs,
    // The shell is the old headless mode ("--headless"); the full browser runs the new one.
    headless: found.shell ? "shell" : true,
    // The worker handles SIGTERM itself and closes the browser after the running renders finish.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    protocolTimeout: 120_000,
  });
  return browser;
}

/** The shared browser, launching it (again) when needed. */
export async function getBrowser(): Promise<Browser> {
  const current = g.spyglassBrowser;
  if (current) {
    const browser = await current.catch(() => undefined);
    if (browser?.connected) return browser;
    if (g.spyglassBrowser === current) g.spyglassBrowser = undefined;
  }
  if (!g.spyglassBrowser) {
    const launching = launch();
    g.spyglassBrowser = launching;
    launching.then(
      (browser) =>
        browser.once("disconnected", () => {
          if (g.spyglassBrowser === launching) g.spyglassBrowser = undefined;
        }),
      () => {
        if (g.spyglassBrowser === launching) g.spyglassBrowser = undefined;
      },
    );
  }
  return g.spyglassBrowser!;
}

/** Closes the shared browser, if one was launched (shutdown, tests). */
export async function closeBrowser(): Promise<void> {
  const current = g.spyglassBrowser;
  g.spyglassBrowser = undefined;
  if (!current) return;
  const browser = await current.catch(() => undefined);
  if (browser?.connected) await browser.close().catch(() => browser.process()?.kill("SIGKILL"));
}
