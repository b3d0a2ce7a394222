import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { getDashboardView } from "@/lib/dashboards/get-dashboard-view";
import { errorResponse, notFound } from "@/lib/errors";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * Every tile's result in one response, so the page never fires a request per chart. Filter values come in
 * the query string as on the page (`?f.period=last_30_days&f.region=EMEA`, see lib/dashboard-filters/url.ts).
 * Without values the tiles read the cached results; charts the values change are served from their own
 * cache or run now. A chart that fails reports its error on its tile (result.lastError), never a 500.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = paramsSchema.parse(await ctx.params);
    await getDashboardOrThrow(id, user);
    const view = await getDashboardView(id, { searchParams: new URL(req.url).searchParams });
    if (!view) throw notFound("Dashboard");
    return Response.json(view);
  } catch (e) {
    return errorResponse(e);
  }
}
