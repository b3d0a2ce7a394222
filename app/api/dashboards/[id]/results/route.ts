import { requireUser } from "@/lib/auth/session";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { getDashboardView } from "@/lib/dashboards/get-dashboard-view";
import { errorResponse, notFound } from "@/lib/errors";

/** Every tile's cached result in one response, so the page never fires a request per chart. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await ctx.params;
    await getDashboardOrThrow(id, user);
    const view = await getDashboardView(id);
    if (!view) throw notFound("Dashboard");
    return Response.json(view);
  } catch (e) {
    return errorResponse(e);
  }
}
