import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { updateDashboardSchema } from "@/lib/dashboards/schemas";
import { updateDashboard } from "@/lib/dashboards/update-dashboard";
import { errorResponse } from "@/lib/errors";

export async function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await ctx.params;
    await getDashboardOrThrow(id, user);
    assertAllowed(canEditContent(user), "edit dashboards");
    const input = updateDashboardSchema.parse(await req.json());
    return Response.json(await updateDashboard(user, id, input));
  } catch (e) {
    return errorResponse(e);
  }
}
