import { z } from "zod";
import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { saveDashboardLayout } from "@/lib/dashboards/save-layout";
import { saveLayoutSchema } from "@/lib/dashboards/schemas";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * Saves the whole layout: { version, tiles: [{ id?, kind, text?, chartId?, x, y, w, h }] } →
 * { version, tiles: [{ id, kind, chartId, text, x, y, w, h }] } in the order sent. Editors only (403);
 * 409 CONFLICT with currentVersion when someone else saved since `version`; 422 with readable messages
 * for tiles outside the grid, overlaps, sizes and texts.
 */
export async function PUT(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    // Before reading the body, so a viewer hears "no permission" whatever they sent.
    assertAllowed(canEditContent(user), "edit dashboards");
    const input = saveLayoutSchema.parse(await readJsonBody(req));
    return Response.json(await saveDashboardLayout(user, id, input));
  } catch (e) {
    return errorResponse(e);
  }
}
