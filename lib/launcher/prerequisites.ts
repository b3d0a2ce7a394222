// Checks for the programs Spyglass needs from the OS, and explains how to install what is missing.
import { execFileSync } from "node:child_process";
import { findRenderBrowser } from "@/lib/render/find-browser";

export function hasCommand(name: string): boolean {
  try {
    execFileSync("/bin/sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Names what is missing and how to install it, or returns null when everything is there. */
export function missingPrerequisites(opts: { needRedis: boolean; chromiumPath?: string }): string | null {
  const missing: { what: string; apt: string; brew: string }[] = [];
  const redisMissing = opts.needRedis && !hasCommand("redis-server");
  if (redisMissing) {
    missing.push({ what: "redis-server (for the job queues)", apt: "redis-server", brew: "brew install redis" });
  }
  // The same lookup as the snapshot renderer: the headless shell, else the full Chromium.
  if (!findRenderBrowser(opts.chromiumPath)) {
    missing.push({
      what: opts.chromiumPath ? `Chromium at CHROMIUM_PATH=${opts.chromiumPath}` : "Chromium (for dashboard snapshots: chromium-headless-shell or chromium)",
      apt: "chromium-headless-shell",
      brew: "brew install --cask chromium",
    });
  }
  if (missing.length === 0) return null;
  return [
    `Spyglass cannot start: missing ${missing.map((m) => m.what).join(" and ")}.`,
    `Install on Debian/Ubuntu:  sudo apt-get install -y ${missing.map((m) => m.apt).join(" ")}`,
    `Install on macOS:          ${missing.map((m) => m.brew).join(" && ")}`,
    redisMissing ? "Or point REDIS_URL at an existing Redis server." : "",
  ]
    .filter(Boolean)
    .join("\n");
}
