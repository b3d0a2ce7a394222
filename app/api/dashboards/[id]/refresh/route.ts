import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { errorResponse } from "@/lib/errors";
import { requestDashboardRefresh } from "@/lib/refresh/request-dashboard-refresh";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * Queues a refresh of every chart on the dashboard: 202 { jobId, workersAlive } (workersAlive 0: nothing
 * will run it until a worker starts). Anyone who can view the dashboard may ask for one.
 */
export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    await getDashboardOrThrow(id, user);
    return Response.json(await requestDashboardRefresh(id), { status: 202 });
  } catch (e) {
    return errorResponse(e);
  }
}
