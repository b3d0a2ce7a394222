// The values of a drop-down filter on a public link: { values, truncated, computedAt }. The query is the
// dashboard's saved one (run read-only, cached a few minutes), never SQL from the request.
import { getDashboardFilterOptions } from "@/lib/dashboard-filters/get-filter-options";
import { filterNameSchema } from "@/lib/dashboard-filters/schema";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/errors";
import { PUBLIC_HEADERS } from "@/lib/sharing/http";
import { resolveShareTokenOrThrow, shareLinkNotFound } from "@/lib/sharing/resolve-share-link";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ token: string; name: string }> }) {
  try {
    const params = await ctx.params;
    // The token first: any token that does not open a dashboard gets the same 404, whatever the rest says.
    const link = await resolveShareTokenOrThrow(params.token);
    const name = filterNameSchema.parse(params.name);
    const dashboard = await getDb().dashboard.findUnique({ where: { id: link.dashboardId }, select: { filters: true } });
    if (!dashboard) throw shareLinkNotFound();
    return Response.json(await getDashboardFilterOptions(dashboard, name), { headers: PUBLIC_HEADERS });
  } catch (e) {
    return errorResponse(e);
  }
}
