import type { IntrospectionRow, SchemaNode, SchemaTable } from "./types";

/** Spyglass's own bookkeeping tables (the demo's load marker) are not the analyst's business. */
export function isHiddenTable(name: string): boolean {
  return name.startsWith("_spyglass");
}

/** Groups rows (ordered by schema, table, column position) into schemas → tables → columns. */
export function buildSchemaNodes(rows: IntrospectionRow[]): SchemaNode[] {
  const schemas = new Map<string, Map<string, SchemaTable>>();
  for (const r of rows) {
    if (isHiddenTable(r.tableName)) continue;
    let tables = schemas.get(r.schemaName);
    if (!tables) schemas.set(r.schemaName, (tables = new Map()));
    let table = tables.get(r.tableName);
    if (!table) {
      table = { name: r.tableName, kind: r.tableKind, comment: blankToNull(r.tableComment), columns: [] };
      tables.set(r.tableName, table);
    }
    if (r.columnName !== null) table.columns.push({ name: r.columnName, type: r.columnType ?? "", comment: blankToNull(r.columnComment) });
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return [...schemas.entries()]
    .map(([name, tables]) => ({ name, tables: [...tables.values()].sort(byName) }))
    .sort(byName);
}

function blankToNull(s: string | null | undefined): string | null {
  return s === null || s === undefined || s.trim() === "" ? null : s;
}
