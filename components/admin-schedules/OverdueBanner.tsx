import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session";
import { canAdminister } from "@/lib/auth/permissions";
import { getOverdueSummary } from "@/lib/health/overdue-summary";

/** A banner on every page, for admins only, when no worker is running or a schedule should have run and has not. */
export async function OverdueBanner({ user }: { user: SessionUser }) {
  if (!canAdminister(user)) return null;
  let summary;
  try {
    summary = await getOverdueSummary();
  } catch (e) {
    console.warn("Could not check schedules for the overdue banner:", e);
    return null;
  }
  if (summary.overdueCount === 0 && !summary.noWorker) return null;
  const n = summary.overdueCount;
  return (
    <div className="alert" role="alert" data-testid="overdue-banner" style={{ borderRadius: 0, margin: 0 }}>
      {summary.noWorker && "No worker is running: scheduled refreshes and digests have stopped. "}
      {n > 0 && (
        <>
          {n === 1 ? "1 schedule is overdue" : `${n} schedules are overdue`}: {summary.examples.join(", ")}
          {n > summary.examples.length ? ", …" : ""}.{" "}
        </>
      )}
      <Link href="/admin/schedules">See schedules</Link>
    </div>
  );
}
