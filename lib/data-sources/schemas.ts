// Shapes of data-source input, shared by the admin form (browser) and the server. Browser-safe: zod only.
import { z } from "zod";

export const sslModes = ["disable", "require", "verify-full"] as const;

export const connectionConfigSchema = z.object({
  host: z.string().trim().min(1, "Host is required"),
  port: z.coerce.number().int().min(1).max(65535).default(5432),
  database: z.string().trim().min(1, "Database is required"),
  user: z.string().trim().min(1, "User is required"),
  password: z.string().default(""),
  sslMode: z.enum(sslModes).default("disable"),
  sslCa: z.string().optional(),
  defaultSchema: z.string().trim().min(1).optional(),
});

export const dataSourceKindSchema = z.enum(["POSTGRES", "REDSHIFT"]);

/** Internal creation (tests, seeding): the connection settings as stored. */
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

/**
 * A whole number typed in a form field. An empty field is "required", not the number 0 (coercing "" gives
 * 0, which read "Port must be between 1 and 65,535" for a port nobody typed).
 */
const intField = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be a number`) })
      .int(`${label} must be a whole number`)
      .min(min, `${label} must be between ${min.toLocaleString("en-US")} and ${max.toLocaleString("en-US")}`)
      .max(max, `${label} must be between ${min.toLocaleString("en-US")} and ${max.toLocaleString("en-US")}`),
  );

/** Empty text inputs arrive as "": treat them as "not given". */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/**
 * The admin form, flat as the browser holds it. An empty password (or CA certificate) on an existing data
 * source means "keep the stored one".
 */
export const dataSourceFormSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(100, "Name must be at most 100 characters"),
  kind: dataSourceKindSchema,
  host: z
    .string()
    .trim()
    .min(1, "Host is required")
    .max(255, "Host is too long")
    // What gets pasted into Host: a connection URL, or host:port. Said here rather than as a failed DNS lookup.
    .refine((h) => !h.includes("://") && !h.includes("@"), "Enter the host name only (like warehouse.example.com), not a connection URL")
    .refine((h) => !/^[^:\s]+:\d+$/.test(h), "Put the port in the Port field: the host is the name or address alone")
    .refine((h) => !/[\s/]/.test(h), "Host cannot contain spaces or slashes"),
  port: intField("Port", 1, 65535),
  database: z.string().trim().min(1, "Database is required"),
  user: z.string().trim().min(1, "User is required"),
  password: z.string().default(""),
  sslMode: z.enum(sslModes, { error: "SSL mode must be disable, require or verify-full" }),
  sslCa: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()))
    .refine((v) => v === undefined || v.includes("-----BEGIN CERTIFICATE-----"), "The CA certificate must be PEM text (-----BEGIN CERTIFICATE-----…)"),
  defaultSchema: optionalText,
  statementTimeoutSeconds: intField("Statement timeout (seconds)", 1, 3600),
  rowLimit: intField("Row cap", 1, 1_000_000),
  maxConcurrency: intField("Max concurrent queries", 1, 64),
});

export type DataSourceFormInput = z.input<typeof dataSourceFormSchema>;
export type DataSourceForm = z.output<typeof dataSourceFormSchema>;

/** Body of POST /api/data-sources/test: the form, plus the id of a saved source whose stored secrets may fill the gaps. */
export const testConnectionBodySchema = dataSourceFormSchema.extend({
  name: z.string().optional(),
  id: z.string().min(1).optional(),
});

export type TestConnectionBody = z.output<typeof testConnectionBodySchema>;

/** A data source as the admin form sees it: settings without any secret. */
export interface DataSourceDetails extends DataSourceSummary {
  host: string;
  port: number;
  database: string;
  user: string;
  sslMode: (typeof sslModes)[number];
  defaultSchema: string | null;
  statementTimeoutSeconds: number;
  rowLimit: number;
  maxConcurrency: number;
  hasPassword: boolean;
  hasSslCa: boolean;
  chartCount: number;
}

/** A data source in the admin list: where it points, never who logs in. */
export interface DataSourceListItem extends DataSourceSummary {
  host: string;
  database: string;
}

export type ConnectionStage = "dns" | "refused" | "timeout" | "ssl" | "auth" | "database" | "other";

export type TestConnectionResult =
  | { ok: true; serverVersion: string; isRedshift: boolean; latencyMs: number }
  | { ok: false; stage: ConnectionStage; message: string };

/** What saving answers: the stored source and anything the admin should know (detected kind, unreachable). */
export interface SaveDataSourceResult {
  dataSource: DataSourceSummary;
  warnings: string[];
}
