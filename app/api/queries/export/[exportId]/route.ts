import { z } from "zod";
import { assertAllowed, canRunSql } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { getExportStatus } from "@/lib/export/export-status";

const paramsSchema = z.object({ exportId: z.uuid() });

/** How the signed-in user's export with this id ended: { state: running | done | cancelled | failed | unknown, error? }. */
export async function GET(_req: Request, ctx: { params: Promise<{ exportId: string }> }) {
  try {
    const user = await requireUser();
    assertAllowed(canRunSql(user), "export query results");
    const { exportId } = paramsSchema.parse(await ctx.params);
    return Response.json(await getExportStatus(exportId, user.id), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
