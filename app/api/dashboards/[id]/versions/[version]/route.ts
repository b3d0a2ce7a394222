import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { getDashboardVersionDetail } from "@/lib/versions/dashboard-versions";
import { versionNumberSchema } from "@/lib/versions/types";

/** One layout version with the one before it and the current state → DashboardVersionDetailResponse. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; version: string }> }) {
  try {
    const user = await requireUser();
    const { id, version } = await ctx.params;
    return Response.json(await getDashboardVersionDetail(user, id, versionNumberSchema.parse(version)));
  } catch (e) {
    return errorResponse(e);
  }
}
