import Link from "next/link";
import { NewDashboardButton } from "@/components/dashboards/NewDashboardButton";
import { canEditContent } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listDashboards } from "@/lib/dashboards/list-dashboards";
import styles from "@/components/dashboards/dashboards.module.css";

export const metadata = { title: "Dashboards" };

export default async function DashboardsPage() {
  const user = await requirePageUser();
  const dashboards = await listDashboards(user);
  return (
    <main className="page">
      <div className="row" style={{ marginBottom: 16 }}>
        <h1>Dashboards</h1>
        <span className="spacer" />
        <Link className="btn" href="/sql">
          New query
        </Link>
        {canEditContent(user) && <NewDashboardButton />}
      </div>
      {dashboards.length === 0 ? (
        <div className="card empty">
          <p>No dashboards yet.</p>
          <p>
            Start in the <Link href="/sql">SQL editor</Link>: run a query, save it as a chart and add it to a new dashboard.
          </p>
        </div>
      ) : (
        <ul className={styles.list}>
          {dashboards.map((d) => (
            <li key={d.id} className="card">
              <Link href={`/dashboards/${d.id}`} className={styles.listTitle}>
                {d.title}
              </Link>
              {d.description && <p className={styles.listDescription}>{d.description}</p>}
              <p className="muted">
                {d._count.tiles} {d._count.tiles === 1 ? "chart" : "charts"}
                {d.owner ? ` · ${d.owner.name}` : ""}
                {d.isPrivate ? " · private" : ""}
                {d.refreshIntervalMinutes > 0 ? ` · refreshes every ${formatInterval(d.refreshIntervalMinutes)}` : " · refresh off"}
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function formatInterval(minutes: number) {
  if (minutes % 1440 === 0) return minutes === 1440 ? "day" : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? "hour" : `${minutes / 60} hours`;
  return `${minutes} min`;
}
