// What a chart is drawn as, and the settings an analyst picks for it. The zod schema in ./schemas.ts is the
// source of truth for the settings; these types are derived from it so the two never drift apart.
import type { z } from "zod";
import type { vizConfigSchema, vizTypeSchema, conditionalFormatSchema, valueFormatSchema } from "./schemas";

/**
 * - line, area, bar: metrics over x (bar may be horizontal; grouped, stacked or 100 % stacked)
 * - combo: bars and lines on one x axis, optionally a second y axis
 * - scatter, bubble: two numbers (bubble: a third number sizes the points)
 * - pie, donut
 * - number: a big number (KPI) with the change against the previous period and a sparkline
 * - table (with conditional formatting), pivot
 * - funnel: stages and their counts
 * - cohort: a retention heatmap (cohort × period → value)
 * "auto" lets Spyglass pick from the result's shape.
 */
export type VizType = z.infer<typeof vizTypeSchema>;
export type ConcreteVizType = Exclude<VizType, "auto">;
export type VizConfig = z.infer<typeof vizConfigSchema>;
export type ValueFormat = z.infer<typeof valueFormatSchema>;
export type ConditionalFormat = z.infer<typeof conditionalFormatSchema>;
