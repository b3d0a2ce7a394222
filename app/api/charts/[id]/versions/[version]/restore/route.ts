import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";
import { restoreChartVersion } from "@/lib/versions/restore-chart-version";
import { restoreBodySchema, versionNumberSchema } from "@/lib/versions/types";

/** Saves version {version} as the chart's new current version. Body { version: current } → RestoreResponse & { chart }; stale → 409. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string; version: string }> }) {
  try {
    const user = await requireUser();
    assertAllowed(canEditContent(user), "restore chart versions");
    const { id, version } = await ctx.params;
    const body = restoreBodySchema.parse(await readJsonBody(req));
    return Response.json(await restoreChartVersion(user, id, versionNumberSchema.parse(version), body.version));
  } catch (e) {
    return errorResponse(e);
  }
}
