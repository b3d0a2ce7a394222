import { describe, expect, it } from "vitest";
import { clockTime, tileKind, tileName, toGridTiles } from "./grid-tiles";

const chart = { id: "c1", title: "Weekly revenue", description: "", vizType: "line" as const, vizConfig: {}, ownerName: null, updatedByName: null, updatedAt: "" };
const base = { id: "t", text: "", x: 0, y: 0, w: 6, h: 4, result: null };

describe("tileKind", () => {
  it("reads headers that the view reports as chart tiles without a chart", () => {
    expect(tileKind({ ...base, kind: "chart", chart })).toBe("chart");
    expect(tileKind({ ...base, kind: "chart", chart: null })).toBe("header");
    expect(tileKind({ ...base, kind: "text", chart: null })).toBe("text");
    expect(tileKind({ ...base, kind: "header", chart: null })).toBe("header");
    expect(toGridTiles([{ ...base, kind: "chart", chart: null }])[0].kind).toBe("header");
  });
});

describe("tileName", () => {
  it("names tiles for buttons and announcements", () => {
    expect(tileName({ kind: "chart", text: "", chart })).toBe("Weekly revenue");
    expect(tileName({ kind: "header", text: "Acquisition", chart: null })).toBe("header Acquisition");
    expect(tileName({ kind: "text", text: "\n## **Numbers** refresh hourly\nmore", chart: null })).toBe("text Numbers refresh hourly");
    expect(tileName({ kind: "text", text: "x".repeat(60), chart: null })).toBe(`text ${"x".repeat(39)}…`);
    expect(tileName({ kind: "text", text: "  ", chart: null })).toBe("empty text");
  });
});

describe("clockTime", () => {
  it("is hh:mm, 24-hour, local time", () => {
    expect(clockTime(new Date(2026, 10, 24, 9, 5).getTime())).toBe("09:05");
    expect(clockTime(new Date(2026, 10, 24, 17, 45).getTime())).toBe("17:45");
  });
});
