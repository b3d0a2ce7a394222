// The one Prisma client. Kept on globalThis so Next's dev reloads do not open a pool per reload.
// Secrets (password hashes, encrypted credentials) are omitted from every default select; code that needs
// one asks for it explicitly with `omit: { field: false }`.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getRuntimeEnv } from "@/lib/env";

function createClient() {
  const adapter = new PrismaPg({ connectionString: getRuntimeEnv().DATABASE_URL, max: 10 });
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true }, dataSource: { encryptedConfig: true } },
  });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { spyglassDb?: Db };

/** The shared client, created on first use (so importing this module never needs the database). */
export function getDb(): Db {
  if (!globalForDb.spyglassDb) globalForDb.spyglassDb = createClient();
  return globalForDb.spyglassDb;
}

export async function disconnectDb() {
  if (globalForDb.spyglassDb) {
    await globalForDb.spyglassDb.$disconnect();
    globalForDb.spyglassDb = undefined;
  }
}
