import { describe, expect, it } from "vitest";
import type { SchemaNode } from "@/lib/schema/types";
import { filterSchemaTree, qualifiedTableName } from "./filter-tree";

const col = (name: string) => ({ name, type: "integer", comment: null });
const schemas: SchemaNode[] = [
  {
    name: "demo",
    tables: [
      { name: "users", kind: "table", comment: null, columns: [col("user_id"), col("country")] },
      { name: "photos", kind: "table", comment: null, columns: [col("photo_id"), col("user_id")] },
    ],
  },
  { name: "Sales", tables: [{ name: "orders", kind: "table", comment: null, columns: [col("id")] }] },
];

describe("filterSchemaTree", () => {
  it("returns everything for an empty query", () => {
    expect(filterSchemaTree(schemas, "  ")).toEqual({ schemas, expanded: new Set() });
  });

  it("keeps a matching schema whole", () => {
    expect(filterSchemaTree(schemas, "SAL").schemas).toEqual([schemas[1]]);
  });

  it("keeps matching columns with their tables, expanded", () => {
    const r = filterSchemaTree(schemas, "User_I");
    expect(r.schemas).toEqual([
      {
        name: "demo",
        tables: [
          { name: "users", kind: "table", comment: null, columns: [col("user_id")] },
          { name: "photos", kind: "table", comment: null, columns: [col("user_id")] },
        ],
      },
    ]);
    expect([...r.expanded].sort()).toEqual(["demo", "demo.photos", "demo.users"]);
  });

  it("keeps a matching table with all its columns", () => {
    const r = filterSchemaTree(schemas, "phot");
    expect(r.schemas[0]!.tables).toEqual([schemas[0]!.tables[1]]);
    expect(r.expanded.has("demo")).toBe(true);
  });
});

describe("qualifiedTableName", () => {
  it("quotes only names that need it", () => {
    expect(qualifiedTableName("demo", "users")).toBe("demo.users");
    expect(qualifiedTableName("Sales", "order items")).toBe('"Sales"."order items"');
  });
});
