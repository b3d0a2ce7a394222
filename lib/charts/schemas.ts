// Request bodies of the chart API, shared by the SQL page's forms and the route handlers.
import { z } from "zod";
import { MAX_SQL_LENGTH } from "@/lib/queries/schemas";

export const vizTypeSchema = z.enum(["auto", "line", "area", "bar", "number", "table", "scatter", "pie"]);

export const vizConfigSchema = z.object({
  x: z.string().optional(),
  y: z.array(z.string()).optional(),
  /** "" turns off splitting long rows into series. */
  series: z.string().optional(),
  target: z.string().optional(),
  stacked: z.boolean().optional(),
  format: z.enum(["number", "currency", "percent"]).optional(),
});

export const chartTitleSchema = z.string().trim().min(1, "Title is required").max(200, "Title is too long");

export const createChartBodySchema = z.object({
  title: chartTitleSchema,
  description: z.string().max(20_000, "Description is too long").default(""),
  sql: z.string().trim().min(1, "SQL is required").max(MAX_SQL_LENGTH, "The SQL is too long"),
  dataSourceId: z.string().min(1, "Pick a data source"),
  vizType: vizTypeSchema.default("auto"),
  vizConfig: vizConfigSchema.default({}),
});

export const updateChartBodySchema = createChartBodySchema
  .partial()
  .extend({
    /** The version the editor started from; a different current version means someone else saved meanwhile. */
    version: z.number().int().positive(),
  });

export type CreateChartBody = z.input<typeof createChartBodySchema>;
export type UpdateChartBody = z.input<typeof updateChartBodySchema>;
