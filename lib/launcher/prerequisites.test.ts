import { afterEach, describe, expect, it } from "vitest";
import { missingPrerequisites } from "./prerequisites";

const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
});

describe("missingPrerequisites", () => {
  it("names both missing programs and the one command that installs them", () => {
    process.env.PATH = "/nonexistent";
    expect(missingPrerequisites({ needRedis: true, chromiumPath: "/nonexistent/chromium" })).toBe(
      [
        "Spyglass cannot start: missing redis-server (for the job queues) and Chromium at CHROMIUM_PATH=/nonexistent/chromium.",
        "Install on Debian/Ubuntu:  sudo apt-get install -y redis-server chromium-headless-shell",
        "Install on macOS:          brew install redis && brew install --cask chromium",
        "Or point REDIS_URL at an existing Redis server.",
      ].join("\n"),
    );
  });

  it("does not ask for redis-server when REDIS_URL is set", () => {
    process.env.PATH = "/nonexistent";
    expect(missingPrerequisites({ needRedis: false, chromiumPath: "/nonexistent/chromium" })).toBe(
      [
        "Spyglass cannot start: missing Chromium at CHROMIUM_PATH=/nonexistent/chromium.",
        "Install on Debian/Ubuntu:  sudo apt-get install -y chromium-headless-shell",
        "Install on macOS:          brew install --cask chromium",
      ].join("\n"),
    );
  });
});
