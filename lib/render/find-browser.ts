// Finds a Chromium or Chrome to drive, in the order DESIGN.md gives: an explicit setting, Puppeteer's
// own cache, then system paths. findBrowser (the full browser) serves the Playwright config; the snapshot
// renderer and the launcher's prerequisite check share findRenderBrowser, which prefers Chromium's headless
// shell and falls back to findBrowser, so the check and the renderer can never disagree.
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

/**
 * Debian's `chromium-headless-shell` package (the same Chromium version as its `chromium`). Its
 * /usr/bin script runs the binary without `exec`, so Puppeteer would hold the script's process, and
 * killing that (a hung browser, a relaunch) would leave the browser running: the binary comes first.
 */
const headlessShellPaths = ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell"];

/** The newest browser of `kind` in Puppeteer's download cache (~/.cache/puppeteer/<kind>/<version>/<rel>). */
function fromPuppeteerCache(kind: string, rels: string[]): string | undefined {
  const root = path.join(homedir(), ".cache", "puppeteer", kind);
  if (!existsSync(root)) return undefined;
  for (const dir of readdirSync(root).sort().reverse()) {
    for (const rel of rels) {
      const candidate = path.join(root, dir, rel);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

const chromeForTesting = [
  "chrome-linux64/chrome",
  "chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
  "chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
];
const chromeHeadlessShell = [
  "chrome-headless-shell-linux64/chrome-headless-shell",
  "chrome-headless-shell-mac-x64/chrome-headless-shell",
  "chrome-headless-shell-mac-arm64/chrome-headless-shell",
];

/** The full browser's path, or undefined when none is installed. `explicit` is CHROMIUM_PATH. */
export function findBrowser(explicit?: string): string | undefined {
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  return fromPuppeteerCache("chrome", chromeForTesting) ?? systemPaths.find((p) => existsSync(p));
}

/** A browser for snapshots; `shell` says it is the headless shell, which Puppeteer launches as `headless: "shell"`. */
export interface RenderBrowser {
  path: string;
  shell: boolean;
}

/** Chromium's headless shell by its file name (Debian's chromium-headless-shell, Puppeteer's chrome-headless-shell). */
export function isHeadlessShell(executablePath: string): boolean {
  return /headless[-_]shell$/.test(path.basename(executablePath));
}

/**
 * The browser snapshots are rendered with: CHROMIUM_PATH when set, else Chromium's headless shell, else the
 * full browser (findBrowser). The shell (the old headless mode, without the full browser's windowing) opens
 * a context and navigates faster than the full Chromium of the same version, for 1.2-1.8x the renders per
 * minute (bench/README.md, "Snapshot render throughput"); both draw the same PNG. `shellPaths` are the
 * system paths of the shell (a parameter for tests).
 */
export function findRenderBrowser(explicit?: string, shellPaths: readonly string[] = headlessShellPaths): RenderBrowser | undefined {
  if (explicit) return existsSync(explicit) ? { path: explicit, shell: isHeadlessShell(explicit) } : undefined;
  const shell = fromPuppeteerCache("chrome-headless-shell", chromeHeadlessShell) ?? shellPaths.find((p) => existsSync(p));
  if (shell) return { path: shell, shell: true };
  const full = findBrowser();
  return full ? { path: full, shell: false } : undefined;
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
