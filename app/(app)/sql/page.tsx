import { SqlWorkspace } from "@/components/sql/SqlWorkspace";
import { canEditContent, canRunSql } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getChart } from "@/lib/charts/get-chart";
import { listDataSources } from "@/lib/data-sources/list-data-sources";

export const metadata = { title: "SQL" };

export default async function SqlPage({ searchParams }: { searchParams: Promise<{ chart?: string | string[]; run?: string | string[] }> }) {
  const user = await requirePageUser();
  if (!canRunSql(user)) {
    return (
      <main className="page">
        <h1>SQL</h1>
        <div className="notice">Your role can open dashboards but not run SQL. Ask an administrator for editor access.</div>
      </main>
    );
  }
  const { chart: chartParam, run: runParam } = await searchParams;
  const chartId = typeof chartParam === "string" ? chartParam : undefined;
  const runId = typeof runParam === "string" ? runParam : undefined;
  const [dataSources, chart] = await Promise.all([listDataSources(), chartId ? getChart(chartId) : Promise.resolve(null)]);
  return (
    <main className="page">
      {chartId && !chart && <div className="notice" style={{ marginBottom: 12 }}>That chart no longer exists; starting a new query.</div>}
      <SqlWorkspace dataSources={dataSources} canSave={canEditContent(user)} userId={user.id} userName={user.name || user.email} chart={chart} runId={runId} />
    </main>
  );
}
