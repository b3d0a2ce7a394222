import { BounceWebhookSettings } from "@/components/admin-schedules/BounceWebhookSettings";
import { ScheduleTable } from "@/components/admin-schedules/ScheduleTable";
import { canAdminister } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getScheduleOverview } from "@/lib/health/schedule-overview";

export const metadata = { title: "Schedules" };

/** Admins only: every refresh schedule, chart override and digest subscription, and which are overdue. */
export default async function SchedulesPage() {
  const user = await requirePageUser();
  if (!canAdminister(user)) {
    return (
      <main className="page">
        <h1>Schedules</h1>
        <div className="notice" role="alert">
          Only administrators can see every schedule.
        </div>
      </main>
    );
  }
  const overview = await getScheduleOverview();
  return (
    <main className="page">
      <h1>Schedules</h1>
      <p className="muted">Checked {overview.checkedAt.replace("T", " ").slice(0, 19)} UTC. A schedule more than 10 minutes late, or missing from Redis, is overdue.</p>
      <ScheduleTable overview={overview} />
      <BounceWebhookSettings />
    </main>
  );
}
