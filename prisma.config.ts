// Prisma CLI configuration. Runs fully offline: the "js" engine talks to PostgreSQL through a driver
// adapter instead of a downloaded schema engine. The CLI's adapter comes from @prisma/adapter-pg 7.x
// (aliased as prisma-adapter-pg-7) because 6.x cannot read the `name` column type during migrate
// (Prisma issue 27403).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "prisma-adapter-pg-7";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // The launcher and the test setup always pass DATABASE_URL to the CLI.
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "" }),
});
