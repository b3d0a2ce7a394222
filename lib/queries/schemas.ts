// Request bodies of the query API, shared by the SQL page and the route handlers.
import { z } from "zod";

export const MAX_SQL_LENGTH = 200_000;

const sqlSchema = z
  .string()
  .max(MAX_SQL_LENGTH, "The SQL is too long")
  // Not trimmed: PostgreSQL's error positions must point into the text as the user wrote it.
  .refine((s) => s.trim().length > 0, "Write a query first")
  .refine((s) => !s.includes("\u0000"), "The SQL contains a NUL character (\\0), which PostgreSQL cannot read: remove it.");

export const parameterValueSchema = z.union([
  z.string(),
  z.number(),
  z.array(z.string()),
  z.object({ start: z.string(), end: z.string() }),
  z.null(),
]);

export const parameterSpecSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Parameter names are letters, digits and underscores"),
  type: z.enum(["text", "number", "date", "date_range", "list"]),
  default: parameterValueSchema.optional(),
});

export const runQueryBodySchema = z.object({
  dataSourceId: z.string().min(1, "Pick a data source"),
  sql: sqlSchema,
  parameters: z.array(parameterSpecSchema).max(100).optional(),
  values: z.record(z.string(), parameterValueSchema).optional(),
  runId: z.uuid().optional(),
  useCache: z.boolean().optional(),
});

export type RunQueryBody = z.infer<typeof runQueryBodySchema>;

export const exportQueryBodySchema = z.object({
  dataSourceId: z.string().min(1, "Pick a data source"),
  sql: sqlSchema,
  parameters: z.array(parameterSpecSchema).max(100).optional(),
  values: z.record(z.string(), parameterValueSchema).optional(),
  format: z.enum(["csv", "xlsx"]).default("csv"),
  /** File name without extension; sanitized by the server. */
  filename: z.string().max(200).optional(),
  /** Chosen by the page to ask how the download ended (GET /api/queries/export/:exportId). */
  exportId: z.uuid().optional(),
});

export type ExportQueryBody = z.infer<typeof exportQueryBodySchema>;

export const historyQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  mine: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
});

/** The error body the API sends when a query fails (see lib/errors.ts). */
export interface QueryErrorBody {
  error: { code: string; message: string; position?: number; sqlState?: string; hint?: string; detail?: string };
}
