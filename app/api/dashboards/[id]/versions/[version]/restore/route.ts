import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";
import { restoreDashboardVersion } from "@/lib/versions/restore-dashboard-version";
import { restoreBodySchema, versionNumberSchema } from "@/lib/versions/types";

/**
 * Saves layout version {version} as the dashboard's new current version. Body { version: current } →
 * RestoreResponse; 404 when not visible, 403 for viewers, 409 when stale.
 */
export async function POST(req: Request, ctx: { params: Promise<{ id: string; version: string }> }) {
  try {
    const user = await requireUser();
    const { id, version } = await ctx.params;
    const body = restoreBodySchema.parse(await readJsonBody(req));
    // Visibility (404) is checked before the role (403), so a private dashboard's existence never shows.
    return Response.json(await restoreDashboardVersion(user, id, versionNumberSchema.parse(version), body.version));
  } catch (e) {
    return errorResponse(e);
  }
}
