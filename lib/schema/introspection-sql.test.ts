import { describe, expect, it } from "vitest";
import { buildSchemaNodes } from "./build-tree";
import { introspectionPlan } from "./introspection-sql";
import { redshiftTypeName } from "./redshift-introspection";

describe("introspectionPlan", () => {
  it("sends the catalog query with format_type to PostgreSQL", () => {
    const { sql } = introspectionPlan("POSTGRES");
    expect(sql).toMatch(/from pg_catalog\.pg_class c/);
    expect(sql).toContain("format_type(a.atttypid, a.atttypmod)");
    expect(sql).toContain("pg_catalog.pg_description");
    expect(sql).not.toMatch(/svv_/i);
  });

  it("sends Redshift only its system views, and nothing PostgreSQL-only", () => {
    const { sql } = introspectionPlan("REDSHIFT");
    expect(sql).toMatch(/from svv_columns c/);
    expect(sql).toMatch(/left join svv_tables t/);
    for (const pgOnly of [/format_type/i, /pg_attribute/i, /pg_description/i, /regclass/i, /relispartition/i, /has_schema_privilege/i, /obj_description|col_description/i, /!~|~\*/]) {
      expect(sql).not.toMatch(pgOnly);
    }
  });

  it("reads Redshift rows into the tree with readable types and view kinds", () => {
    const plan = introspectionPlan("REDSHIFT");
    const rows = [
      { schema_name: "sales", table_name: "orders", table_type: "BASE TABLE", table_comment: "Orders.", column_name: "id", data_type: "bigint", character_maximum_length: null, numeric_precision: 64, numeric_scale: 0, column_comment: null },
      { schema_name: "sales", table_name: "orders", table_type: "BASE TABLE", table_comment: "Orders.", column_name: "amount", data_type: "numeric", character_maximum_length: null, numeric_precision: 18, numeric_scale: 2, column_comment: "In USD." },
      { schema_name: "sales", table_name: "v_late", table_type: "VIEW", table_comment: null, column_name: "note", data_type: "character varying", character_maximum_length: 256, numeric_precision: null, numeric_scale: null, column_comment: "" },
      { schema_name: "sales", table_name: "_spyglass_marker", table_type: "BASE TABLE", table_comment: null, column_name: "x", data_type: "integer", character_maximum_length: null, numeric_precision: 32, numeric_scale: 0, column_comment: null },
    ].map(plan.mapRow);
    expect(buildSchemaNodes(rows)).toEqual([
      {
        name: "sales",
        tables: [
          {
            name: "orders",
            kind: "table",
            comment: "Orders.",
            columns: [
              { name: "id", type: "bigint", comment: null },
              { name: "amount", type: "numeric(18,2)", comment: "In USD." },
            ],
          },
          { name: "v_late", kind: "view", comment: null, columns: [{ name: "note", type: "character varying(256)", comment: null }] },
        ],
      },
    ]);
  });

  it("spells Redshift types like format_type would", () => {
    expect(redshiftTypeName({ data_type: "character", character_maximum_length: 3, numeric_precision: null, numeric_scale: null })).toBe("character(3)");
    expect(redshiftTypeName({ data_type: "timestamp without time zone", character_maximum_length: null, numeric_precision: null, numeric_scale: null })).toBe(
      "timestamp without time zone",
    );
  });
});
