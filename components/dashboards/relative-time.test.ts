import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time";

const now = Date.UTC(2026, 10, 24, 12, 0, 0);
const ago = (ms: number) => new Date(now - ms).toISOString();

describe("relativeTime", () => {
  it("words the age of a result", () => {
    expect(relativeTime(ago(10_000), now)).toBe("just now");
    expect(relativeTime(ago(60_000), now)).toBe("1 minute ago");
    expect(relativeTime(ago(12 * 60_000), now)).toBe("12 minutes ago");
    expect(relativeTime(ago(3 * 3600_000), now)).toBe("3 hours ago");
    expect(relativeTime(ago(3 * 86400_000), now)).toBe("3 days ago");
  });
});
