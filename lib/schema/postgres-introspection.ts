// Schema introspection for PostgreSQL: one query over the system catalogs. Not for Redshift (see
// redshift-introspection.ts): format_type, relispartition, has_schema_privilege and pg_description
// joins behave differently or are missing there.
import type { IntrospectionRow } from "./types";

export const POSTGRES_SCHEMA_SQL = `
select n.nspname as schema_name,
       c.relname as table_name,
       case when c.relkind in ('v', 'm') then 'view' else 'table' end as table_kind,
       td.description as table_comment,
       a.attname as column_name,
       format_type(a.atttypid, a.atttypmod) as column_type,
       cd.description as column_comment
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  left join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  left join pg_catalog.pg_description td
         on td.objoid = c.oid and td.classoid = 'pg_catalog.pg_class'::regclass and td.objsubid = 0
  left join pg_catalog.pg_description cd
         on cd.objoid = c.oid and cd.classoid = 'pg_catalog.pg_class'::regclass and cd.objsubid = a.attnum
 where c.relkind in ('r', 'p', 'v', 'm', 'f')
   and not c.relispartition
   and n.nspname not in ('pg_catalog', 'information_schema')
   and n.nspname !~ '^pg_(toast|temp_)'
   and left(c.relname, 9) <> '_spyglass'
   and has_schema_privilege(n.oid, 'USAGE')
 order by n.nspname, c.relname, a.attnum`;

interface PostgresRow {
  schema_name: string;
  table_name: string;
  table_kind: string;
  table_comment: string | null;
  column_name: string | null;
  column_type: string | null;
  column_comment: string | null;
}

export function mapPostgresRow(r: PostgresRow): IntrospectionRow {
  return {
    schemaName: r.schema_name,
    tableName: r.table_name,
    tableKind: r.table_kind === "view" ? "view" : "table",
    tableComment: r.table_comment,
    columnName: r.column_name,
    columnType: r.column_type,
    columnComment: r.column_comment,
  };
}
