import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminOnly } from "@/components/data-sources/AdminOnly";
import { DataSourceForm } from "@/components/data-sources/DataSourceForm";
import { canAdminister } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { findDataSourceUsage } from "@/lib/data-sources/find-data-source-usage";
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
  const usage = await findDataSourceUsage(id);
  const charts = usage.charts.length;
  const filters = usage.filters.length;
  const runs = usage.historyRuns;
  return (
    <main className="page">
      <p style={{ margin: "0 0 8px" }}>
        <Link href="/admin/data-sources">← Data sources</Link>
      </p>
      <h1 style={{ marginBottom: 4 }}>{details.name}</h1>
      <p className="muted" style={{ margin: "0 0 16px" }}>
        {charts === 0 ? "No charts use this data source." : `${charts} chart${charts === 1 ? " uses" : "s use"} this data source.`}
        {filters > 0 && ` ${filters} dashboard drop-down filter${filters === 1 ? " takes its" : "s take their"} values from it.`}
        {details.isDemo && " This is the demo warehouse: Spyglass resets its connection settings on each start."}
      </p>
      <DataSourceForm
        initial={details}
        deleteNote={
          runs === 0
            ? undefined
            : `Its ${runs.toLocaleString("en-US")} run${runs === 1 ? "" : "s"} in the query history will stay there, without a data source.`
        }
      />
    </main>
  );
}
