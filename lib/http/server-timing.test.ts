import { describe, expect, it } from "vitest";
import { formatServerTiming, parseServerTiming, startServerTiming } from "./server-timing";

describe("Server-Timing", () => {
  it("formats entries as the header writes them, and reads them back", () => {
    const header = formatServerTiming([
      { name: "auth", ms: 1.234 },
      { name: "view", ms: 12, description: 'tiles "20"' },
      { name: "bad name", ms: 0.05 },
    ]);
    expect(header).toBe('auth;dur=1.2, view;dur=12.0;desc="tiles 20", bad_name;dur=0.1');
    expect(parseServerTiming(header)).toEqual({ auth: 1.2, view: 12, bad_name: 0.1 });
    expect(parseServerTiming(null)).toEqual({});
    expect(parseServerTiming("cache;desc=hit, db;dur=5")).toEqual({ db: 5 });
  });

  it("times each step and the total, also a step that throws", async () => {
    const clock = [0, 1, 4, 4, 6, 10];
    const timing = startServerTiming(() => clock.shift()!);
    expect(await timing.time("auth", () => "ok")).toBe("ok");
    await expect(timing.time("view", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(timing.header()).toBe("auth;dur=3.0, view;dur=2.0, total;dur=10.0");
  });
});
