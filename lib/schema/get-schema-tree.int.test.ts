// Introspection of the demo warehouse (real PostgreSQL) and the per-data-source cache.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource } from "@/lib/data-sources/create-data-source";
import { disconnectDb } from "@/lib/db";
import { getSettings } from "@/lib/env";
import { closeAllPools } from "@/lib/warehouse/pools";
import { connectionFromUrl } from "@/lib/warehouse/connection-from-url";
import { getSchemaTree } from "./get-schema-tree";

let dataSourceId: string;

beforeAll(async () => {
  const ds = await createDataSource({
    name: `Schema test ${randomBytes(3).toString("hex")}`,
    kind: "POSTGRES",
    config: connectionFromUrl(getSettings().DEMO_WAREHOUSE_URL!, "demo"),
  });
  dataSourceId = ds.id;
});

afterAll(async () => {
  await closeAllPools();
  await disconnectDb();
});

describe("getSchemaTree (PostgreSQL)", () => {
  it("lists the demo schema with tables, columns, types and comments", async () => {
    const tree = await getSchemaTree(dataSourceId, { refresh: true });
    const names = tree.schemas.map((s) => s.name);
    expect(names).toContain("demo");
    expect(names).not.toContain("pg_catalog");
    expect(names).not.toContain("information_schema");
    expect(names.some((n) => n.startsWith("pg_toast") || n.startsWith("pg_temp"))).toBe(false);

    const demo = tree.schemas.find((s) => s.name === "demo")!;
    const users = demo.tables.find((t) => t.name === "users")!;
    expect(users).toBeDefined();
    expect(users.kind).toBe("table");
    expect(users.comment).toMatch(/^One row per member of the photo-sharing community/);
    // lib/demo/schema.ts declares user_id as "integer not null".
    expect(users.columns[0]).toEqual({ name: "user_id", type: "integer", comment: "Member id; ids follow signup time." });
    expect(users.columns.map((c) => c.name)).toContain("subscription_type");

    expect(demo.tables.some((t) => t.name.startsWith("_spyglass"))).toBe(false);
    expect(demo.tables.map((t) => t.name)).toEqual([...demo.tables.map((t) => t.name)].sort((a, b) => a.localeCompare(b)));
    expect(Date.parse(tree.cachedAt)).not.toBeNaN();
  });

  it("serves the cached tree until a refresh", async () => {
    const first = await getSchemaTree(dataSourceId, { refresh: true });
    const again = await getSchemaTree(dataSourceId);
    expect(again.cachedAt).toBe(first.cachedAt);
    expect(again).toBe(first);
    await new Promise((r) => setTimeout(r, 5));
    const refreshed = await getSchemaTree(dataSourceId, { refresh: true });
    expect(refreshed.cachedAt).not.toBe(first.cachedAt);
    expect((await getSchemaTree(dataSourceId)).cachedAt).toBe(refreshed.cachedAt);
  });

  it("a refresh asked for while a load is under way does not answer with that older load", async () => {
    const { Client } = await import("pg");
    const client = new Client({ connectionString: getSettings().DEMO_WAREHOUSE_URL! });
    await client.connect();
    const table = `t_refresh_${randomBytes(3).toString("hex")}`;
    try {
      const older = getSchemaTree(dataSourceId, { refresh: true });
      await client.query(`create table demo.${table} (id int)`);
      const [before, after] = await Promise.all([older, getSchemaTree(dataSourceId, { refresh: true })]);
      const has = (t: typeof before) => t.schemas.find((s) => s.name === "demo")!.tables.some((x) => x.name === table);
      expect(has(after)).toBe(true);
      expect(after).not.toBe(before);
      expect(await getSchemaTree(dataSourceId)).toBe(after);
    } finally {
      await client.query(`drop table if exists demo.${table}`);
      await client.end();
    }
  });

  it("shows views as views", async () => {
    const { Client } = await import("pg");
    const client = new Client({ connectionString: getSettings().DEMO_WAREHOUSE_URL! });
    await client.connect();
    const view = `v_schema_test_${randomBytes(3).toString("hex")}`;
    try {
      await client.query(`create view demo.${view} as select user_id, country from demo.users`);
      await client.query(`comment on view demo.${view} is 'A test view.'`);
      const tree = await getSchemaTree(dataSourceId, { refresh: true });
      const v = tree.schemas.find((s) => s.name === "demo")!.tables.find((t) => t.name === view)!;
      expect(v).toMatchObject({ kind: "view", comment: "A test view." });
      expect(v.columns.map((c) => c.name)).toEqual(["user_id", "country"]);
    } finally {
      await client.query(`drop view if exists demo.${view}`);
      await client.end();
    }
  });
});
