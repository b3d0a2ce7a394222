import type { SchemaNode } from "@/lib/schema/types";

export interface FilteredTree {
  schemas: SchemaNode[];
  /** Keys ("schema" or "schema.table") to show expanded because something inside them matched. */
  expanded: Set<string>;
}

/**
 * Keeps the schemas, tables and columns whose name contains `query` (case-insensitive). A matching schema
 * keeps all its tables, a matching table all its columns; a matching column keeps its table and schema,
 * expanded so the match is visible.
 */
export function filterSchemaTree(schemas: SchemaNode[], query: string): FilteredTree {
  const q = query.trim().toLowerCase();
  const expanded = new Set<string>();
  if (q === "") return { schemas, expanded };
  const hit = (s: string) => s.toLowerCase().includes(q);
  const out: SchemaNode[] = [];
  for (const schema of schemas) {
    if (hit(schema.name)) {
      out.push(schema);
      continue;
    }
    const tables = [];
    for (const table of schema.tables) {
      if (hit(table.name)) {
        tables.push(table);
        continue;
      }
      const columns = table.columns.filter((c) => hit(c.name));
      if (columns.length > 0) {
        tables.push({ ...table, columns });
        expanded.add(`${schema.name}.${table.name}`);
      }
    }
    if (tables.length > 0) {
      out.push({ ...schema, tables });
      expanded.add(schema.name);
    }
  }
  return { schemas: out, expanded };
}

/** What clicking a table inserts: `schema.table`, quoted where the names need it. */
export function qualifiedTableName(schema: string, table: string): string {
  return `${quoteIfNeeded(schema)}.${quoteIfNeeded(table)}`;
}

export function quoteIfNeeded(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
