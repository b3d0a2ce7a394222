import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { findBrowser, findRenderBrowser, isHeadlessShell } from "./find-browser";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "find-browser-"));
  // An empty home: no Puppeteer download cache, so only the system paths count.
  vi.stubEnv("HOME", dir);
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

function touch(name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, "");
  return file;
}

describe("isHeadlessShell", () => {
  it("knows Debian's and Puppeteer's headless shell by name, and nothing else", () => {
    expect(isHeadlessShell("/usr/bin/chromium-headless-shell")).toBe(true);
    expect(isHeadlessShell("/x/chrome-headless-shell-linux64/chrome-headless-shell")).toBe(true);
    expect(isHeadlessShell("/usr/bin/chromium")).toBe(false);
    expect(isHeadlessShell("/opt/headless-shell/chrome")).toBe(false);
  });
});

describe("findRenderBrowser", () => {
  it("uses CHROMIUM_PATH as given, and says whether it is the shell", () => {
    const shell = touch("chromium-headless-shell");
    const full = touch("chromium");
    expect(findRenderBrowser(shell)).toEqual({ path: shell, shell: true });
    expect(findRenderBrowser(full)).toEqual({ path: full, shell: false });
    expect(findRenderBrowser(path.join(dir, "missing"))).toBeUndefined();
  });

  it("prefers the first installed headless shell", () => {
    const shell = touch("chromium-headless-shell");
    expect(findRenderBrowser(undefined, [path.join(dir, "absent-headless-shell"), shell])).toEqual({ path: shell, shell: true });
  });

  it("prefers the shell from Puppeteer's cache over the system's", () => {
    const cached = path.join(dir, ".cache/puppeteer/chrome-headless-shell/linux-156.0.0/chrome-headless-shell-linux64/chrome-headless-shell");
    mkdirSync(path.dirname(cached), { recursive: true });
    writeFileSync(cached, "");
    expect(findRenderBrowser(undefined, [touch("chromium-headless-shell")])).toEqual({ path: cached, shell: true });
  });

  it("falls back to the full browser when no shell is installed", () => {
    const full = findBrowser();
    expect(findRenderBrowser(undefined, [path.join(dir, "absent-headless-shell")])).toEqual(full ? { path: full, shell: false } : undefined);
  });
});
