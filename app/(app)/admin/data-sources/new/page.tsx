import Link from "next/link";
import { AdminOnly } from "@/components/data-sources/AdminOnly";
import { DataSourceForm } from "@/components/data-sources/DataSourceForm";
import { canAdminister } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";

export const metadata = { title: "New data source" };

export default async function NewDataSourcePage() {
  const user = await requirePageUser();
  if (!canAdminister(user)) return <AdminOnly title="New data source" />;
  return (
    <main className="page">
      <p style={{ margin: "0 0 8px" }}>
        <Link href="/admin/data-sources">← Data sources</Link>
      </p>
      <h1 style={{ marginBottom: 16 }}>New data source</h1>
      <DataSourceForm />
    </main>
  );
}
