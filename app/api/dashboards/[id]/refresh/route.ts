import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { errorResponse } from "@/lib/errors";
import { enqueueDashboardRefresh } from "@/lib/jobs/queues";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** Queues a refresh of every chart on the dashboard. Anyone who can view the dashboard may ask for one. */
export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    await getDashboardOrThrow(id, user);
    const { jobId } = await enqueueDashboardRefresh(id, "manual");
    return Response.json({ jobId }, { status: 202 });
  } catch (e) {
    return errorResponse(e);
  }
}
