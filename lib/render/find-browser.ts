// Finds a Chromium or Chrome to drive, in the order DESIGN.md gives: an explicit setting, Puppeteer's
// own cache, then system paths. Shared by the snapshot renderer, the launcher's prerequisite check and
// the Playwright config, so they can never disagree.
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

const systemPaths = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

function fromPuppeteerCache(): string | undefined {
  const root = path.join(homedir(), ".cache", "puppeteer", "chrome");
  if (!existsSync(root)) return undefined;
  for (const dir of readdirSync(root).sort().reverse()) {
    for (const rel of ["chrome-linux64/chrome", "chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing", "chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing"]) {
      const candidate = path.join(root, dir, rel);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The browser's path, or undefined when none is installed. `explicit` is CHROMIUM_PATH. */
export function findBrowser(explicit?: string): string | undefined {
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  return fromPuppeteerCache() ?? systemPaths.find((p) => existsSync(p));
}

/** Flags that let Chromium run headless as root on a closed network (verified in DESIGN.md). */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-quic",
  "--no-first-run",
  "--disable-sync",
  "--hide-scrollbars",
  "--font-render-hinting=none",
];
