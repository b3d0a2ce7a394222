// Request bodies of the query API, shared by the SQL page and the route handlers.
import { z } from "zod";

export const MAX_SQL_LENGTH = 200_000;

export const runQueryBodySchema = z.object({
  dataSourceId: z.string().min(1, "Pick a data source"),
  // Not trimmed: PostgreSQL's error positions must point into the text as the user wrote it.
  sql: z
    .string()
    .max(MAX_SQL_LENGTH, "The SQL is too long")
    .refine((s) => s.trim().length > 0, "Write a query first"),
});

export type RunQueryBody = z.infer<typeof runQueryBodySchema>;

/** The error body the API sends when a query fails (see lib/errors.ts). */
export interface QueryErrorBody {
  error: { code: string; message: string; position?: number; sqlState?: string; hint?: string; detail?: string };
}
