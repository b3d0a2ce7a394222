// Ready-made demo content as plain data: charts (SQL + how to draw them + the metric's definition) and
// dashboards laid out on a 12-column grid.
import type { VizConfig, VizType } from "@/lib/charts/types";

export interface DemoChart {
  /** Stable key, unique across all demo charts (tests and seeding refer to charts by it). */
  key: string;
  title: string;
  /** The metric's written definition, Markdown. */
  description: string;
  sql: string;
  vizType: VizType;
  vizConfig: VizConfig;
}

export type DemoTile =
  | { kind: "chart"; chart: DemoChart; x: number; y: number; w: number; h: number }
  | { kind: "text"; text: string; x: number; y: number; w: number; h: number };

export interface DemoDashboard {
  title: string;
  description: string;
  tiles: DemoTile[];
}

export const chartTile = (chart: DemoChart, x: number, y: number, w: number, h: number): DemoTile => ({
  kind: "chart",
  chart,
  x,
  y,
  w,
  h,
});

export const textTile = (text: string, x: number, y: number, w: number, h: number): DemoTile => ({
  kind: "text",
  text,
  x,
  y,
  w,
  h,
});
