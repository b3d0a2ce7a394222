import { getDb } from "@/lib/db";
import type { DataSourceSummary } from "./schemas";

/** Every data source, demo first then by name. Never includes credentials. */
export async function listDataSources(): Promise<DataSourceSummary[]> {
  return getDb().dataSource.findMany({
    select: { id: true, name: true, kind: true, isDemo: true },
    orderBy: [{ isDemo: "desc" }, { name: "asc" }],
  });
}
