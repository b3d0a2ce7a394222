import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { getChartVersionDetail } from "@/lib/versions/chart-versions";
import { versionNumberSchema } from "@/lib/versions/types";

/** One version with the one before it and the current state → ChartVersionDetailResponse. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; version: string }> }) {
  try {
    await requireUser();
    const { id, version } = await ctx.params;
    return Response.json(await getChartVersionDetail(id, versionNumberSchema.parse(version)));
  } catch (e) {
    return errorResponse(e);
  }
}
