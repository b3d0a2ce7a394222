// Past a limit the builders bound everything that is drawn (series, points over all series, scatter
// colours, cohort cells, funnel stages) and say so in a note.
import { describe, expect, it } from "vitest";
import { MAX_COHORT_PERIODS, MAX_COHORTS, MAX_FUNNEL_STAGES, MAX_SCATTER_SERIES, MAX_SERIES, MAX_TOTAL_POINTS } from "./sampling";
import { OTHER_COLOR } from "./palette";
import { build, col, result, utc } from "./testing";

const DAY = 86_400_000;
const isoDay = (i: number) => new Date(utc("2024-01-01") + i * DAY).toISOString().slice(0, 10);
/** Long rows (day, client, sessions): `clients` series over `days` days; client k varies around 100·(k + 1). */
function splitRows(clients: number, days: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let d = 0; d < days; d++) for (let k = 0; k < clients; k++) rows.push([isoDay(d), `client ${k + 1}`, 100 * (k + 1) + ((d * (k + 1)) % 13)]);
  return rows;
}
const splitResult = (clients: number, days: number) =>
  result([col("day", "date"), col("client", "string", "text"), col("sessions", "number", "int8")], splitRows(clients, days));
const pointsOf = (series: { data: unknown[] }[]) => series.reduce((n, s) => n + s.data.length, 0);

describe("limits on what is drawn", () => {
  it("the limits are the documented ones", () => {
    expect([MAX_SERIES, MAX_TOTAL_POINTS, MAX_SCATTER_SERIES, MAX_COHORTS, MAX_COHORT_PERIODS, MAX_FUNNEL_STAGES]).toEqual([25, 20_000, 25, 100, 100, 20]);
  });

  it("1,500 split lines: the 25 largest are drawn, the rest left out, with a note", () => {
    const { option, notes } = build("line", splitResult(1500, 3));
    expect(notes).toEqual(["Showing the 25 largest of 1,500 series"]);
    expect(option.series.map((s) => s.name)).toEqual(Array.from({ length: 25 }, (_, i) => `client ${1476 + i}`));
    // client 1476: 147,600 + (d × 1476 mod 13).
    expect(option.series[0].data).toEqual([
      [utc("2024-01-01"), 147600],
      [utc("2024-01-02"), 147607],
      [utc("2024-01-03"), 147601],
    ]);
    expect(pointsOf(option.series)).toBe(75);
  });

  it("stacked bars: the 24 largest series and one grey “Other” holding the rest, so each stack keeps its height", () => {
    const r = result(
      [col("country", "string", "text"), col("plan", "string", "text"), col("users", "number", "int8")],
      Array.from({ length: 30 }, (_, k) => [
        ["US", `plan ${k + 1}`, k + 1],
        ["DE", `plan ${k + 1}`, 2 * (k + 1)],
      ]).flat(),
    );
    const { option, notes } = build("bar", r, { stacking: "stacked" });
    expect(notes).toEqual(["The 6 smallest of 30 series are grouped as “Other”"]);
    expect(option.series).toHaveLength(MAX_SERIES);
    expect(option.series.slice(0, 24).map((s) => s.name)).toEqual(Array.from({ length: 24 }, (_, i) => `plan ${i + 7}`));
    // plans 1–6: 21 users in the US, 42 in DE.
    expect(option.series[24]).toEqual({ type: "bar", name: "Other", data: [21, 42], itemStyle: { color: OTHER_COLOR }, stack: "total" });
  });

  it("unstacked bars have a series cap too", () => {
    const r = result(
      [col("country", "string", "text"), col("plan", "string", "text"), col("users", "number", "int8")],
      Array.from({ length: 40 }, (_, k) => ["US", `plan ${k + 1}`, k + 1]),
    );
    const { option, notes } = build("bar", r);
    expect(notes).toEqual(["Showing the 25 largest of 40 series"]);
    expect(option.series.map((s) => s.name)).toEqual(Array.from({ length: 25 }, (_, i) => `plan ${i + 16}`));
  });

  it("a stacked chart split into 100,000 series over 100,000 x values folds 99,976 of them into “Other” from their own values", () => {
    // Each series has one value; folding used to walk every x position for every folded series (10¹⁰ steps,
    // the tab never drew). Only the values there are are visited now, so this finishes like any other test.
    const rows = Array.from({ length: 100_000 }, (_, i) => [i + 1, `s${i + 1}`, 1]);
    const r = result([col("g", "number", "int4"), col("s", "string", "text"), col("v", "number", "int4")], rows);
    const { option, notes } = build("line", r, { x: "g", y: ["v"], series: "s", stacking: "stacked" });
    expect(notes[0]).toBe("The 99,976 smallest of 100,000 series are grouped as “Other”");
    expect(option.series.map((s) => s.name)).toEqual([...Array.from({ length: 24 }, (_, i) => `s${i + 1}`), "Other"]);
    const other = option.series[24].data as [number, number | null][];
    // "Other" holds 1 at every x from 25 on (one folded series each) and nothing before.
    expect(other.filter(([x]) => x >= 25).every(([, y]) => y === 1)).toBe(true);
    expect(other.filter(([x]) => x < 25).every(([, y]) => y === null)).toBe(true);
    expect(pointsOf(option.series)).toBeLessThanOrEqual(MAX_TOTAL_POINTS);
  });

  it("the point budget is for the whole chart: 25 series of 1,000 days share 20,000 points (800 a series at most)", () => {
    const { option, notes } = build("line", splitResult(25, 1000));
    expect(notes).toEqual(["Showing 197 of 1,000 points per series (sampled)"]);
    expect(option.series.map((s) => s.data.length)).toEqual(new Array(25).fill(197));
    expect(pointsOf(option.series)).toBeLessThanOrEqual(MAX_TOTAL_POINTS);
    // One series of 3,000 days keeps the per-series limit of 2,000.
    const one = build("line", splitResult(1, 3000));
    expect(one.notes).toEqual(["Showing 2,000 of 3,000 points per series (sampled)"]);
    expect(one.option.series[0].data).toHaveLength(2000);
  });

  it("scatter: past 25 colours, the series with the fewest points are drawn grey as “Other”, every point kept", () => {
    const r = result(
      [col("country", "string", "text"), col("users", "number", "int8"), col("revenue", "number", "int8")],
      Array.from({ length: 30 }, (_, k) => Array.from({ length: k + 1 }, (_, j) => [`country ${k + 1}`, j, k])).flat(),
    );
    const { option, notes } = build("scatter", r, { series: "country" });
    expect(notes).toEqual(["The 6 smallest of 30 series are drawn as “Other”"]);
    expect(option.series.map((s) => s.name)).toEqual([...Array.from({ length: 24 }, (_, i) => `country ${i + 7}`), "Other"]);
    const other = option.series[24];
    expect(other.itemStyle).toEqual({ color: OTHER_COLOR });
    expect(other.data).toEqual([[0, 0], [0, 1], [1, 1], [0, 2], [1, 2], [2, 2], [0, 3], [1, 3], [2, 3], [3, 3], [0, 4], [1, 4], [2, 4], [3, 4], [4, 4], [0, 5], [1, 5], [2, 5], [3, 5], [4, 5], [5, 5]]);
    expect(pointsOf(option.series)).toBe(465);
  });

  it("cohort: the latest 100 weekly cohorts and the first 100 periods, at most 10,000 cells", () => {
    const rows: unknown[][] = [];
    for (let c = 0; c < 105; c++) for (let p = 0; p < 103; p++) rows.push([isoDay(7 * c), p, 1000 - p]);
    const r = result([col("signup_week", "date"), col("week_number", "number", "int4"), col("active_users", "number", "int8")], rows);
    const { option, notes } = build("cohort", r, { dataLabels: false });
    expect(notes).toEqual(["Showing the latest 100 of 105 cohorts", "Showing the first 100 of 103 periods"]);
    const yLabels = (option.yAxis as unknown as { data: string[] }).data;
    expect([yLabels.length, yLabels[0], yLabels[99]]).toEqual([100, "Feb 5, 2024", "Dec 29, 2025"]);
    expect((option.xAxis.data as string[]).slice(-2)).toEqual(["98", "99"]);
    expect(option.series[0].data).toHaveLength(10_000);
    expect(option.series[0].data[0]).toEqual([0, 0, 1000]);
    expect(option.series[0].data[9999]).toEqual([99, 99, 901]);
  });

  it("cohort: text cohorts keep the first 100", () => {
    const rows = Array.from({ length: 120 }, (_, c) => [`cohort ${c + 1}`, 0, 10]);
    const r = result([col("cohort", "string", "text"), col("period", "number", "int4"), col("users", "number", "int8")], rows);
    const { option, notes } = build("cohort", r);
    expect(notes).toEqual(["Showing the first 100 of 120 cohorts"]);
    expect((option.yAxis as unknown as { data: string[] }).data.slice(-1)).toEqual(["cohort 100"]);
  });

  it("funnel: the first 20 stages, widths against the kept ones", () => {
    const rows = Array.from({ length: 26 }, (_, i) => [`step ${i + 1}`, 2600 - 100 * i]);
    const { option, notes } = build("funnel", result([col("stage", "string", "text"), col("users", "number", "int8")], rows));
    expect(notes).toEqual(["Showing the first 20 of 26 stages"]);
    const funnel = option.series[0] as unknown as { data: { name: string; value: number }[]; max: number };
    expect(funnel.data.map((d) => d.name)).toEqual(Array.from({ length: 20 }, (_, i) => `step ${i + 1}`));
    expect([funnel.max, funnel.data[19].value]).toEqual([2600, 700]);
  });
});
