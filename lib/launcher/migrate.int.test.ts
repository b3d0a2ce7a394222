import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRuntimeEnv } from "@/lib/env";
import { applyMigrations } from "./migrate";

// The global setup migrated the app DB already; this test migrates a brand-new empty database.
describe("migrations", () => {
  const dbName = `migrate_check_${process.pid}`;
  let admin: pg.Client;
  let url: string;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: getRuntimeEnv().DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const u = new URL(getRuntimeEnv().DATABASE_URL);
    u.pathname = `/${dbName}`;
    url = u.toString();
  });

  afterAll(async () => {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  it("apply to an empty database, and a second run is a no-op", async () => {
    await applyMigrations(url);
    await applyMigrations(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const folders = readdirSync(path.resolve("prisma", "migrations"), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
      const applied = await client.query<{ migration_name: string }>(
        "select migration_name from _prisma_migrations where finished_at is not null order by 1",
      );
      expect(applied.rows.map((r) => r.migration_name)).toEqual(folders);
      const tables = await client.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public' and table_name in ('User','DataSource','Chart','Dashboard','DashboardTile','ChartResult','Subscription','Delivery') order by 1",
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual([
        "Chart",
        "ChartResult",
        "Dashboard",
        "DashboardTile",
        "DataSource",
        "Delivery",
        "Subscription",
        "User",
      ]);
    } finally {
      await client.end();
    }
  });
});
