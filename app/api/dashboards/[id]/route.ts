import { z } from "zod";
import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { updateDashboardSchema } from "@/lib/dashboards/schemas";
import { updateDashboard } from "@/lib/dashboards/update-dashboard";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * Saves settings: { version, title?, description?, tags?, isPrivate?, refreshIntervalMinutes? } →
 * { id, title, description, tags, isPrivate, refreshIntervalMinutes, version }. Editors only; isPrivate
 * only by the owner or an admin; 409 CONFLICT with currentVersion on a stale version.
 */
export async function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    assertAllowed(canEditContent(user), "edit dashboards");
    const input = updateDashboardSchema.parse(await readJsonBody(req));
    return Response.json(await updateDashboard(user, id, input));
  } catch (e) {
    return errorResponse(e);
  }
}
