import { describe, expect, it } from "vitest";
import { formatCell } from "./format-cell";

describe("formatCell", () => {
  it("shows timestamps readably and keeps everything else as the warehouse sent it", () => {
    expect(formatCell("2024-01-05T13:45:00.000Z", { type: "timestamp" })).toBe("2024-01-05 13:45:00 UTC");
    expect(formatCell("2024-01-05T13:45:00.120Z", { type: "timestamp" })).toBe("2024-01-05 13:45:00.120 UTC");
    expect(formatCell("2024-01-05T13:45:00.123456", { type: "timestamp" })).toBe("2024-01-05 13:45:00.123456");
    expect(formatCell("infinity", { type: "timestamp" })).toBe("infinity");
    expect(formatCell(1234567, { type: "number" })).toBe("1234567");
    expect(formatCell("9007199254740993", { type: "number" })).toBe("9007199254740993");
    expect(formatCell({ a: [1] }, { type: "json" })).toBe('{"a":[1]}');
    expect(formatCell(false, { type: "boolean" })).toBe("false");
    expect(formatCell(null, { type: "string" })).toBe("NULL");
  });
});
