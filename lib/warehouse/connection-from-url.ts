// Turns a postgres:// URL into the ConnectionConfig stored for a data source.
import type { ConnectionConfig } from "./types";

export function connectionFromUrl(url: string, defaultSchema?: string): ConnectionConfig {
  const u = new URL(url);
  const sslmode = u.searchParams.get("sslmode");
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    sslMode: sslmode === "require" ? "require" : sslmode === "verify-full" ? "verify-full" : "disable",
    ...(defaultSchema ? { defaultSchema } : {}),
  };
}
