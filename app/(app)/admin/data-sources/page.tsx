import Link from "next/link";
import { AdminOnly } from "@/components/data-sources/AdminOnly";
import styles from "@/components/data-sources/data-sources.module.css";
import { canAdminister } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listDataSourcesForAdmin } from "@/lib/data-sources/get-data-source";

export const metadata = { title: "Data sources" };

const kindLabel = { POSTGRES: "PostgreSQL", REDSHIFT: "Amazon Redshift" } as const;

export default async function DataSourcesPage() {
  const user = await requirePageUser();
  if (!canAdminister(user)) return <AdminOnly title="Data sources" />;
  const sources = await listDataSourcesForAdmin();
  return (
    <main className="page">
      <div className="row" style={{ marginBottom: 16 }}>
        <div>
          <h1>Data sources</h1>
          <p className="muted" style={{ margin: 0 }}>
            Warehouses Spyglass runs SQL against. Credentials are stored encrypted and never shown.
          </p>
        </div>
        <span className="spacer" />
        <Link className="btn btn-primary" href="/admin/data-sources/new">
          Add data source
        </Link>
      </div>
      {sources.length === 0 ? (
        <div className="card empty">
          No data sources yet. <Link href="/admin/data-sources/new">Add your warehouse</Link> to start writing SQL.
        </div>
      ) : (
        <div className="card">
          <table className={styles.table} data-testid="data-source-list">
            <thead>
              <tr>
                <th>Name</th>
                <th>Kind</th>
                <th>Host</th>
                <th>Database</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link href={`/admin/data-sources/${s.id}`}>{s.name}</Link>
                    {s.isDemo && <span className={styles.badge}>demo</span>}
                  </td>
                  <td>{kindLabel[s.kind]}</td>
                  <td className={styles.mono}>{s.host}</td>
                  <td className={styles.mono}>{s.database}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
