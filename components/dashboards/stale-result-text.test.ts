import { describe, expect, it } from "vitest";
import { isLate, staleResultText } from "./stale-result-text";

const now = Date.parse("2026-12-04T12:00:00Z");

describe("the footer of a tile whose last refresh failed", () => {
  it("says how old the data is and why the refresh failed", () => {
    expect(staleResultText("2026-12-04T09:00:00Z", 'relation "sales" does not exist', now)).toBe(
      'data from 3 h ago; last refresh failed: relation "sales" does not exist',
    );
    expect(staleResultText("2026-12-04T08:59:00Z", "timeout", now)).toBe("data from 3 h ago; last refresh failed: timeout");
    expect(staleResultText("2026-12-04T11:48:00Z", "timeout", now)).toBe("data from 12 min ago; last refresh failed: timeout");
    expect(staleResultText("2026-12-04T11:59:30Z", "timeout", now)).toBe("data from less than a minute ago; last refresh failed: timeout");
    expect(staleResultText("2026-12-01T12:00:00Z", "timeout", now)).toBe("data from 3 d ago; last refresh failed: timeout");
  });
});

describe("a tile's data late for its schedule", () => {
  it("is late from the instant the view names, and never without one", () => {
    expect(isLate("2026-12-04T12:00:00.000Z", now)).toBe(true);
    expect(isLate("2026-12-04T12:00:00.001Z", now)).toBe(false);
    expect(isLate(null, now)).toBe(false);
    expect(isLate(undefined, now)).toBe(false);
  });
});
