import { HistoryTable } from "@/components/history/HistoryTable";
import { OnlyMineFilter } from "@/components/history/OnlyMineFilter";
import { canRunSql } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listQueryRuns } from "@/lib/queries/list-query-runs";

export const metadata = { title: "Query history" };

export default async function QueryHistoryPage({ searchParams }: { searchParams: Promise<{ mine?: string | string[] }> }) {
  const user = await requirePageUser();
  if (!canRunSql(user)) {
    return (
      <main className="page">
        <h1>Query history</h1>
        <div className="notice">Your role can open dashboards but not run SQL, so there is no query history to show.</div>
      </main>
    );
  }
  const { mine: mineParam } = await searchParams;
  const mine = mineParam === "1";
  const { runs } = await listQueryRuns({ userId: user.id, mine, limit: 100 });
  return (
    <main className="page">
      <div className="row" style={{ marginBottom: 16 }}>
        <h1>Query history</h1>
        <span className="spacer" />
        <OnlyMineFilter mine={mine} />
      </div>
      <HistoryTable runs={runs} />
    </main>
  );
}
