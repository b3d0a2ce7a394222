import { describe, expect, it } from "vitest";
import { assignSeriesColors, PALETTE, seriesColor } from "./palette";

describe("series colours", () => {
  it("a name always maps to the same palette colour; a chosen colour wins", () => {
    expect(seriesColor("web")).toBe("#14a3b8");
    expect(seriesColor("web")).toBe(seriesColor("web"));
    expect(seriesColor("android")).toBe("#1f9d6b");
    expect(seriesColor("web", { web: "#000000" })).toBe("#000000");
    expect(PALETTE).toContain(seriesColor("any name at all"));
  });

  it("on one chart, names whose colours collide take the next free colour, whatever their order", () => {
    // "ios", "pro" and "sessions" all hash to the same palette slot.
    expect(seriesColor("ios")).toBe(seriesColor("pro"));
    const one = assignSeriesColors(["sessions", "pro", "ios"]);
    const other = assignSeriesColors(["ios", "sessions", "pro"]);
    expect([...one.entries()].sort()).toEqual([...other.entries()].sort());
    expect(new Set(one.values()).size).toBe(3);
    // Alphabetically first keeps its own colour.
    expect(one.get("ios")).toBe(seriesColor("ios"));
    expect(one.get("pro")).toBe(PALETTE[(PALETTE.indexOf(seriesColor("ios")) + 1) % PALETTE.length]);
  });

  it("chosen colours are taken first and never moved", () => {
    const colors = assignSeriesColors(["ios", "web"], { web: seriesColor("ios") });
    expect(colors.get("web")).toBe(seriesColor("ios"));
    expect(colors.get("ios")).not.toBe(seriesColor("ios"));
  });
});
