// Shapes of data-source input, shared by the admin form and the server.
import { z } from "zod";

export const connectionConfigSchema = z.object({
  host: z.string().trim().min(1, "Host is required"),
  port: z.coerce.number().int().min(1).max(65535).default(5432),
  database: z.string().trim().min(1, "Database is required"),
  user: z.string().trim().min(1, "User is required"),
  password: z.string().default(""),
  sslMode: z.enum(["disable", "require", "verify-full"]).default("disable"),
  sslCa: z.string().optional(),
  defaultSchema: z.string().trim().min(1).optional(),
});

export const dataSourceKindSchema = z.enum(["POSTGRES", "REDSHIFT"]);

export const createDataSourceSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(100),
  kind: dataSourceKindSchema.default("POSTGRES"),
  config: connectionConfigSchema,
  isDemo: z.boolean().optional(),
  statementTimeoutMs: z.number().int().min(100).max(24 * 3600 * 1000).optional(),
  rowLimit: z.number().int().min(1).max(10_000_000).optional(),
  maxConcurrency: z.number().int().min(1).max(64).optional(),
});

export type CreateDataSourceInput = z.input<typeof createDataSourceSchema>;

/** What the browser may know about a data source: never its credentials. */
export interface DataSourceSummary {
  id: string;
  name: string;
  kind: "POSTGRES" | "REDSHIFT";
  isDemo: boolean;
}
