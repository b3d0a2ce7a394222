import { canAdminister } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { cancelRun } from "@/lib/queries/execute-query";

/** Cancels a running query on the warehouse: { cancelled }. Only its owner or an admin may. */
export async function POST(_req: Request, ctx: { params: Promise<{ runId: string }> }) {
  try {
    const user = await requireUser();
    const { runId } = await ctx.params;
    return Response.json(await cancelRun(runId, { id: user.id, isAdmin: canAdminister(user) }));
  } catch (e) {
    return errorResponse(e);
  }
}
