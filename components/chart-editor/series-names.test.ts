import { describe, expect, it } from "vitest";
import type { ResultColumn } from "@/lib/warehouse/types";
import { seriesNames } from "./series-names";

const col = (name: string, type: ResultColumn["type"]): ResultColumn => ({ name, type, dbType: type });
const result = {
  columns: [col("week", "date"), col("client", "string"), col("sessions", "number"), col("users", "number")],
  rows: [
    ["2024-01-01", "web", 10, 1],
    ["2024-01-01", "ios", 12, 2],
    ["2024-01-08", "web", 11, 3],
    ["2024-01-08", null, 4, 4],
  ],
};

describe("seriesNames", () => {
  it("names series by the value columns", () => {
    expect(seriesNames("line", result, { x: "week", y: ["sessions", "users"] })).toEqual(["sessions", "users"]);
  });

  it("names split series by the split column's values, in order of appearance", () => {
    expect(seriesNames("bar", result, { x: "week", y: ["sessions"], series: "client" })).toEqual(["web", "ios", "NULL"]);
    expect(seriesNames("line", result, { x: "week", y: ["sessions", "users"], series: "client" }, 3)).toEqual([
      "web · sessions",
      "web · users",
      "ios · sessions",
    ]);
  });

  it("names the slices of a pie or funnel by their labels", () => {
    expect(seriesNames("pie", result, { x: "client", y: ["sessions"] })).toEqual(["web", "ios", "NULL"]);
    expect(seriesNames("funnel", result, { x: "week", y: ["sessions"] })).toEqual(["2024-01-01", "2024-01-08"]);
  });

  it("stops at the limit and ignores columns the result lacks", () => {
    expect(seriesNames("bar", result, { x: "week", y: ["sessions"], series: "client" }, 2)).toEqual(["web", "ios"]);
    expect(seriesNames("bar", result, { x: "week", y: ["sessions"], series: "gone" })).toEqual(["sessions"]);
    expect(seriesNames("donut", result, { y: ["sessions"] })).toEqual([]);
  });
});
