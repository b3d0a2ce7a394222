import { z } from "zod";
import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getFilterSetup } from "@/lib/dashboard-filters/get-filter-setup";
import { saveDashboardFilters } from "@/lib/dashboard-filters/save-dashboard-filters";
import { saveFiltersSchema } from "@/lib/dashboard-filters/schema";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** The filter editor's start: { version, filters, parameters: [{ name, type, charts: [{ id, title, type }] }] }. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    return Response.json(await getFilterSetup(user, id));
  } catch (e) {
    return errorResponse(e);
  }
}

/**
 * Saves every filter definition: { version, filters } → { version, filters }. Editors only; 409 CONFLICT
 * with currentVersion when someone saved the dashboard in between.
 */
export async function PUT(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    assertAllowed(canEditContent(user), "edit dashboards");
    const input = saveFiltersSchema.parse(await readJsonBody(req));
    return Response.json(await saveDashboardFilters(user, id, input));
  } catch (e) {
    return errorResponse(e);
  }
}
