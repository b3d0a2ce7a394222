import { describe, expect, it } from "vitest";
import type { ResultColumn } from "@/lib/warehouse/types";
import { resolveVizConfig } from "./resolve-viz-config";

const col = (name: string, type: ResultColumn["type"]): ResultColumn => ({ name, type, dbType: type });
const week = col("week", "date");
const client = col("client", "string");
const sessions = col("sessions", "number");
const users = col("users", "number");
const target = col("target", "number");

describe("resolveVizConfig", () => {
  it("line: x is the first date column, y every other number", () => {
    expect(resolveVizConfig("line", [sessions, week, users], {})).toEqual({ x: "week", y: ["sessions", "users"], stacked: false, format: "number" });
  });

  it("line with long rows: the text column splits the series", () => {
    expect(resolveVizConfig("line", [week, client, sessions], {})).toEqual({
      x: "week",
      y: ["sessions"],
      series: "client",
      stacked: false,
      format: "number",
    });
    expect(resolveVizConfig("line", [week, client, sessions], { series: "" })).toEqual({ x: "week", y: ["sessions"], stacked: false, format: "number" });
    // Once columns are chosen, nothing is split or drawn as a target unless asked for.
    expect(resolveVizConfig("line", [week, client, sessions, target], { x: "week", y: ["sessions"] })).toEqual({
      x: "week",
      y: ["sessions"],
      stacked: false,
      format: "number",
    });
  });

  it("bar: x is the first text column", () => {
    expect(resolveVizConfig("bar", [users, client], { stacked: true, format: "currency" })).toEqual({
      x: "client",
      y: ["users"],
      stacked: true,
      format: "currency",
    });
  });

  it("keeps explicit choices and drops columns the result does not have", () => {
    expect(resolveVizConfig("line", [week, sessions, users, target], { x: "week", y: ["users", "gone"], target: "target" })).toEqual({
      x: "week",
      y: ["users"],
      target: "target",
      stacked: false,
      format: "number",
    });
    expect(resolveVizConfig("line", [week, sessions, target], { x: "missing", y: ["missing"], target: "target" })).toEqual({
      x: "week",
      y: ["sessions"],
      target: "target",
      stacked: false,
      format: "number",
    });
  });

  it("a numeric column named target, goal or plan is the target line", () => {
    expect(resolveVizConfig("line", [week, client, sessions, target], {})).toEqual({
      x: "week",
      y: ["sessions"],
      series: "client",
      target: "target",
      stacked: false,
      format: "number",
    });
    expect(resolveVizConfig("bar", [client, sessions, col("Goal", "number")], {})).toEqual({
      x: "client",
      y: ["sessions"],
      target: "Goal",
      stacked: false,
      format: "number",
    });
    expect(resolveVizConfig("line", [week, sessions, target], { target: "" })).toEqual({
      x: "week",
      y: ["sessions", "target"],
      stacked: false,
      format: "number",
    });
    expect(resolveVizConfig("scatter", [sessions, target], {})).toEqual({ x: "sessions", y: ["target"], stacked: false, format: "number" });
  });

  it("scatter: x is the first number", () => {
    expect(resolveVizConfig("scatter", [sessions, users], {})).toEqual({ x: "sessions", y: ["users"], stacked: false, format: "number" });
  });

  it("pie: one value column", () => {
    expect(resolveVizConfig("pie", [client, sessions, users], {})).toEqual({ x: "client", y: ["sessions"], stacked: false, format: "number" });
  });

  it("number: the first numeric column, or the chosen one", () => {
    expect(resolveVizConfig("number", [client, sessions, users], {})).toEqual({ y: ["sessions"], stacked: false, format: "number" });
    expect(resolveVizConfig("number", [client, sessions, users], { y: ["users"], format: "percent" })).toEqual({
      y: ["users"],
      stacked: false,
      format: "percent",
    });
  });

  it("table needs nothing", () => {
    expect(resolveVizConfig("table", [client], {})).toEqual({ y: [], stacked: false, format: "number" });
  });
});
