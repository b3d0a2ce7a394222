// Schema introspection for Amazon Redshift. Written for Redshift only and NOT tested against a real
// Redshift cluster (none is reachable from the test suite); the unit test pins the SQL text sent.
//
// What is Redshift-specific here, and why:
// - SVV_COLUMNS / SVV_TABLES instead of pg_attribute / pg_class: they also list late-binding views
//   (CREATE VIEW ... WITH NO SCHEMA BINDING), whose columns are not in pg_attribute, and external
//   (Spectrum) tables. Both are leader-node views readable by every user for objects they can access.
// - Comments come from their `remarks` columns, which Redshift fills from pg_description; so no
//   obj_description()/col_description() calls and no pg_description join are sent.
// - No format_type(): the type is rebuilt in JS from data_type, character_maximum_length and
//   numeric_precision/scale, because format_type on late-binding or external objects fails.
// - No regex operators, casts to regclass, relispartition or has_schema_privilege: either missing on
//   Redshift or behaving differently on its leader node. Filters use plain = / <> / LIKE only.
// - SVV_TABLE_INFO is not used: it omits empty tables and all views.
import type { IntrospectionRow } from "./types";

export const REDSHIFT_SCHEMA_SQL = `
select c.table_schema as schema_name,
       c.table_name as table_name,
       t.table_type as table_type,
       t.remarks as table_comment,
       c.column_name as column_name,
       c.data_type as data_type,
       c.character_maximum_length as character_maximum_length,
       c.numeric_precision as numeric_precision,
       c.numeric_scale as numeric_scale,
       c.remarks as column_comment
  from svv_columns c
  left join svv_tables t
         on t.table_catalog = c.table_catalog and t.table_schema = c.table_schema and t.table_name = c.table_name
 where c.table_schema not in ('pg_catalog', 'information_schema', 'pg_internal', 'pg_automv', 'pg_auto_copy', 'pg_mv', 'pg_s3')
   and c.table_schema not like 'pg_temp%'
 order by c.table_schema, c.table_name, c.ordinal_position`;

interface RedshiftRow {
  schema_name: string;
  table_name: string;
  table_type: string | null;
  table_comment: string | null;
  column_name: string | null;
  data_type: string | null;
  character_maximum_length: number | string | null;
  numeric_precision: number | string | null;
  numeric_scale: number | string | null;
  column_comment: string | null;
}

/** "character varying" + 256 → "character varying(256)"; "numeric" + 18, 2 → "numeric(18,2)". */
export function redshiftTypeName(r: Pick<RedshiftRow, "data_type" | "character_maximum_length" | "numeric_precision" | "numeric_scale">): string {
  const type = (r.data_type ?? "").trim();
  const len = r.character_maximum_length === null ? null : Number(r.character_maximum_length);
  if (/^(character varying|character|varchar|char|bpchar)$/i.test(type) && len && len > 0) return `${type}(${len})`;
  if (/^(numeric|decimal)$/i.test(type) && r.numeric_precision !== null) {
    return `${type}(${Number(r.numeric_precision)},${Number(r.numeric_scale ?? 0)})`;
  }
  return type;
}

export function mapRedshiftRow(r: RedshiftRow): IntrospectionRow {
  return {
    schemaName: r.schema_name,
    tableName: r.table_name,
    tableKind: r.table_type && /view/i.test(r.table_type) ? "view" : "table",
    tableComment: r.table_comment,
    columnName: r.column_name,
    columnType: redshiftTypeName(r),
    columnComment: r.column_comment,
  };
}
