import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDashboardFilterOptions } from "@/lib/dashboard-filters/get-filter-options";
import { filterNameSchema } from "@/lib/dashboard-filters/schema";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { errorResponse } from "@/lib/errors";

const paramsSchema = z.object({ id: z.string().min(1).max(64), name: filterNameSchema });

/**
 * The values of the drop-down filter `name`: { values, truncated, computedAt }. Anyone who can view the
 * dashboard; the query is the saved one, never SQL from the request.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; name: string }> }) {
  try {
    const { id, name } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    const dashboard = await getDashboardOrThrow(id, user);
    return Response.json(await getDashboardFilterOptions(dashboard, name));
  } catch (e) {
    return errorResponse(e);
  }
}
