import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { getDashboardView } from "@/lib/dashboards/get-dashboard-view";
import { errorResponse, notFound } from "@/lib/errors";
import { startServerTiming } from "@/lib/http/server-timing";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * Every tile's result in one response, so the page never fires a request per chart. Filter values come in
 * the query string as on the page (`?f.period=last_30_days&f.region=EMEA`, see lib/dashboard-filters/url.ts).
 * Without values the tiles read the cached results; charts the values change are served from their own
 * cache or run now. A chart that fails reports its error on its tile (result.lastError), never a 500.
 * The Server-Timing header says where the server's time went (auth, the view's read, JSON, total).
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const timing = startServerTiming();
  try {
    const id = await timing.time("auth", async () => {
      const user = await requireUser();
      const { id } = paramsSchema.parse(await ctx.params);
      await getDashboardOrThrow(id, user);
      return id;
    });
    const view = await timing.time("view", () => getDashboardView(id, { searchParams: new URL(req.url).searchParams }), "every tile's result");
    if (!view) throw notFound("Dashboard");
    const body = await timing.time("json", () => JSON.stringify(view));
    return new Response(body, { headers: { "content-type": "application/json", "server-timing": timing.header() } });
  } catch (e) {
    return errorResponse(e);
  }
}
