import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { getDataSourceRuntime } from "./get-connection-config";
import type { DataSourceDetails, DataSourceListItem } from "./schemas";

/** A data source for the admin form: every setting except the secrets, which it only says are stored. */
export async function getDataSourceDetails(id: string): Promise<DataSourceDetails> {
  const ds = await getDb().dataSource.findUnique({
    where: { id },
    select: { id: true, name: true, kind: true, isDemo: true, _count: { select: { charts: true } } },
  });
  if (!ds) throw notFound("Data source");
  const rt = await getDataSourceRuntime(id);
  const c = rt.config;
  return {
    id: ds.id,
    name: ds.name,
    kind: ds.kind,
    isDemo: ds.isDemo,
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    sslMode: c.sslMode,
    defaultSchema: c.defaultSchema ?? null,
    statementTimeoutSeconds: Math.max(1, Math.round(rt.statementTimeoutMs / 1000)),
    rowLimit: rt.rowLimit,
    maxConcurrency: rt.maxConcurrency,
    hasPassword: c.password !== "",
    hasSslCa: Boolean(c.sslCa),
    chartCount: ds._count.charts,
  };
}

/** Every data source with where it points (host and database; never user or password), demo first. */
export async function listDataSourcesForAdmin(): Promise<DataSourceListItem[]> {
  const sources = await getDb().dataSource.findMany({
    select: { id: true, name: true, kind: true, isDemo: true },
    orderBy: [{ isDemo: "desc" }, { name: "asc" }],
  });
  return Promise.all(
    sources.map(async (s) => {
      try {
        const { config } = await getDataSourceRuntime(s.id);
        return { ...s, host: `${config.host}:${config.port}`, database: config.database };
      } catch {
        return { ...s, host: "(settings unreadable)", database: "" };
      }
    }),
  );
}
