// Which introspection query a data source kind gets, and how its rows are read.
import { mapPostgresRow, POSTGRES_SCHEMA_SQL } from "./postgres-introspection";
import { mapRedshiftRow, REDSHIFT_SCHEMA_SQL } from "./redshift-introspection";
import type { IntrospectionRow } from "./types";

export interface IntrospectionPlan {
  sql: string;
  mapRow: (row: Record<string, unknown>) => IntrospectionRow;
}

export function introspectionPlan(kind: "POSTGRES" | "REDSHIFT"): IntrospectionPlan {
  if (kind === "REDSHIFT") return { sql: REDSHIFT_SCHEMA_SQL, mapRow: (r) => mapRedshiftRow(r as unknown as Parameters<typeof mapRedshiftRow>[0]) };
  return { sql: POSTGRES_SCHEMA_SQL, mapRow: (r) => mapPostgresRow(r as unknown as Parameters<typeof mapPostgresRow>[0]) };
}
