import { describe, expect, it } from "vitest";
import type { ResultColumn } from "@/lib/warehouse/types";
import { resolveVizConfig, type ResolvedVizConfig } from "./resolve-viz-config";

const col = (name: string, type: ResultColumn["type"], dbType: string = type): ResultColumn => ({ name, type, dbType });
const week = col("week", "date");
const client = col("client", "string");
const sessions = col("sessions", "number");
const users = col("users", "number");
const target = col("target", "number");

/** The settings every chart gets when it chooses nothing. */
const DEFAULTS: Omit<ResolvedVizConfig, "y"> = {
  sort: "query",
  stacking: "none",
  orientation: "vertical",
  lineColumns: [],
  rightAxisColumns: [],
  gaps: "gap",
  targetLabel: "Target",
  xAxis: {},
  yAxis: {},
  rightAxis: {},
  format: "number",
  dateFormat: "auto",
  colors: {},
  legend: "auto",
  dataLabels: false,
  cohortPercent: false,
};

describe("resolveVizConfig", () => {
  it("line: x is the first date column, y every other number", () => {
    expect(resolveVizConfig("line", [sessions, week, users], {})).toEqual({ ...DEFAULTS, x: "week", y: ["sessions", "users"] });
  });

  it("line with long rows: the text column splits the series", () => {
    expect(resolveVizConfig("line", [week, client, sessions], {})).toEqual({ ...DEFAULTS, x: "week", y: ["sessions"], series: "client" });
    expect(resolveVizConfig("line", [week, client, sessions], { series: "" })).toEqual({ ...DEFAULTS, x: "week", y: ["sessions"] });
    // Once columns are chosen, nothing is split or drawn as a target unless asked for.
    expect(resolveVizConfig("line", [week, client, sessions, target], { x: "week", y: ["sessions"] })).toEqual({ ...DEFAULTS, x: "week", y: ["sessions"] });
  });

  it("bar: x is the first text column", () => {
    expect(resolveVizConfig("bar", [users, client], { format: "currency", currency: "EUR", decimals: 2 })).toEqual({
      ...DEFAULTS,
      x: "client",
      y: ["users"],
      format: "currency",
      currency: "EUR",
      decimals: 2,
    });
  });

  it("reads the legacy `stacked: true` as stacking: stacked, unless stacking is set", () => {
    expect(resolveVizConfig("bar", [client, users], { stacked: true }).stacking).toBe("stacked");
    expect(resolveVizConfig("bar", [client, users], { stacked: true, stacking: "percent" }).stacking).toBe("percent");
    expect(resolveVizConfig("bar", [client, users], { stacked: false }).stacking).toBe("none");
  });

  it("keeps explicit choices and drops columns the result does not have", () => {
    expect(resolveVizConfig("line", [week, sessions, users, target], { x: "week", y: ["users", "gone"], target: "target" })).toEqual({
      ...DEFAULTS,
      x: "week",
      y: ["users"],
      target: "target",
    });
    expect(
      resolveVizConfig("combo", [week, sessions, users], {
        x: "missing",
        y: ["missing", "sessions", "users"],
        rightAxisColumns: ["users", "gone"],
        lineColumns: ["gone"],
        colors: { sessions: "#000000" },
        targetValue: 10,
      }),
    ).toEqual({ ...DEFAULTS, x: "week", y: ["sessions", "users"], rightAxisColumns: ["users"], lineColumns: [], colors: { sessions: "#000000" }, targetValue: 10 });
  });

  it("a numeric column named target, goal or plan is the target line", () => {
    expect(resolveVizConfig("line", [week, client, sessions, target], {})).toEqual({ ...DEFAULTS, x: "week", y: ["sessions"], series: "client", target: "target" });
    expect(resolveVizConfig("bar", [client, sessions, col("Goal", "number")], {})).toEqual({ ...DEFAULTS, x: "client", y: ["sessions"], target: "Goal" });
    expect(resolveVizConfig("line", [week, sessions, target], { target: "" })).toEqual({ ...DEFAULTS, x: "week", y: ["sessions", "target"] });
    expect(resolveVizConfig("scatter", [sessions, target], {})).toEqual({ ...DEFAULTS, x: "sessions", y: ["target"] });
  });

  it("combo: x like a line, every y after the first drawn as a line", () => {
    expect(resolveVizConfig("combo", [client, week, sessions, users, col("rate", "number")], {})).toEqual({
      ...DEFAULTS,
      x: "week",
      y: ["sessions", "users", "rate"],
      lineColumns: ["users", "rate"],
    });
    expect(resolveVizConfig("combo", [week, sessions, users], { lineColumns: ["sessions"] }).lineColumns).toEqual(["sessions"]);
  });

  it("scatter: x is the first number; a chosen category colours the points", () => {
    expect(resolveVizConfig("scatter", [sessions, users], {})).toEqual({ ...DEFAULTS, x: "sessions", y: ["users"] });
    expect(resolveVizConfig("scatter", [client, sessions, users], { series: "client" })).toEqual({ ...DEFAULTS, x: "sessions", y: ["users"], series: "client" });
  });

  it("bubble: x, y and the third number as the size", () => {
    const revenue = col("revenue", "number");
    expect(resolveVizConfig("bubble", [client, sessions, users, revenue], {})).toEqual({ ...DEFAULTS, x: "sessions", y: ["users"], size: "revenue" });
    expect(resolveVizConfig("bubble", [sessions, users, revenue], { size: "sessions" })).toEqual({ ...DEFAULTS, x: "users", y: ["revenue"], size: "sessions" });
    expect(resolveVizConfig("bubble", [sessions, users], { size: "gone" })).toEqual({ ...DEFAULTS, x: "sessions", y: ["users"] });
  });

  it("pie, donut and funnel: a label column and one value column, labelled by default", () => {
    expect(resolveVizConfig("pie", [client, sessions, users], {})).toEqual({ ...DEFAULTS, x: "client", y: ["sessions"], dataLabels: true });
    expect(resolveVizConfig("donut", [client, sessions], { dataLabels: false })).toEqual({ ...DEFAULTS, x: "client", y: ["sessions"] });
    expect(resolveVizConfig("funnel", [col("stage", "string"), users, sessions], {})).toEqual({ ...DEFAULTS, x: "stage", y: ["users"], dataLabels: true });
  });

  it("cohort: the first date or text column, the first integer column after it, the next number", () => {
    const cohortWeek = col("cohort_week", "date");
    const period = col("weeks_since", "number", "int4");
    const retained = col("retained", "number", "int8");
    const share = col("share", "number", "numeric");
    expect(resolveVizConfig("cohort", [cohortWeek, share, period, retained], {})).toEqual({
      ...DEFAULTS,
      x: "cohort_week",
      series: "weeks_since",
      y: ["retained"],
      dataLabels: true,
    });
    expect(resolveVizConfig("cohort", [client, share, retained], {})).toEqual({ ...DEFAULTS, x: "client", series: "retained", y: ["share"], dataLabels: true });
    expect(resolveVizConfig("cohort", [cohortWeek, period, retained, share], { y: ["share"], cohortPercent: true })).toEqual({
      ...DEFAULTS,
      x: "cohort_week",
      series: "weeks_since",
      y: ["share"],
      dataLabels: true,
      cohortPercent: true,
    });
  });

  it("number: the first numeric column, or the chosen one", () => {
    expect(resolveVizConfig("number", [client, sessions, users], {})).toEqual({ ...DEFAULTS, y: ["sessions"] });
    expect(resolveVizConfig("number", [client, sessions, users], { y: ["users"], format: "percent" })).toEqual({ ...DEFAULTS, y: ["users"], format: "percent" });
  });

  it("table and pivot need no columns", () => {
    expect(resolveVizConfig("table", [client], {})).toEqual({ ...DEFAULTS, y: [] });
    expect(resolveVizConfig("pivot", [client, users], {})).toEqual({ ...DEFAULTS, y: [] });
  });
});

describe("bars over time", () => {
  it("draw (date, category, value) rows over the date, split by the category", () => {
    const columns = [
      { name: "month", type: "date", dbType: "date" },
      { name: "client", type: "string", dbType: "text" },
      { name: "signups", type: "number", dbType: "int8" },
    ] as const;
    expect(resolveVizConfig("bar", [...columns], {})).toMatchObject({ x: "month", series: "client", y: ["signups"] });
    // A bar chart of categories alone keeps the category on x.
    expect(resolveVizConfig("bar", [columns[1], columns[2]], {})).toMatchObject({ x: "client", y: ["signups"] });
  });
});
