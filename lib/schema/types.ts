// The schema tree the browser shows and the editor's autocomplete reads. Browser-safe: no server imports.

export interface SchemaColumn {
  name: string;
  /** The type as the server spells it, e.g. "integer", "character varying(256)", "timestamp with time zone". */
  type: string;
  comment: string | null;
}

export interface SchemaTable {
  name: string;
  kind: "table" | "view";
  comment: string | null;
  columns: SchemaColumn[];
}

export interface SchemaNode {
  name: string;
  tables: SchemaTable[];
}

export interface SchemaTree {
  schemas: SchemaNode[];
  /** When the tree was read from the warehouse (ISO-8601). */
  cachedAt: string;
}

/** One row of an introspection query: a column of a table (column fields null for a table without columns). */
export interface IntrospectionRow {
  schemaName: string;
  tableName: string;
  tableKind: "table" | "view";
  tableComment: string | null;
  columnName: string | null;
  columnType: string | null;
  columnComment: string | null;
}
