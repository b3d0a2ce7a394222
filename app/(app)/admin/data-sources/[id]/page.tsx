import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminOnly } from "@/components/data-sources/AdminOnly";
import { DataSourceForm } from "@/components/data-sources/DataSourceForm";
import { canAdminister } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getDataSourceDetails } from "@/lib/data-sources/get-data-source";
import { AppError } from "@/lib/errors";

export const metadata = { title: "Edit data source" };

export default async function EditDataSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!canAdminister(user)) return <AdminOnly title="Edit data source" />;
  const { id } = await params;
  const details = await getDataSourceDetails(id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <main className="page">
      <p style={{ margin: "0 0 8px" }}>
        <Link href="/admin/data-sources">← Data sources</Link>
      </p>
      <h1 style={{ marginBottom: 4 }}>{details.name}</h1>
      <p className="muted" style={{ margin: "0 0 16px" }}>
        {details.chartCount === 0 ? "No charts use this data source." : `${details.chartCount} chart${details.chartCount === 1 ? " uses" : "s use"} this data source.`}
        {details.isDemo && " This is the demo warehouse: Spyglass resets its connection settings on each start."}
      </p>
      <DataSourceForm initial={details} />
    </main>
  );
}
