import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { listChartVersions } from "@/lib/versions/chart-versions";
import { versionListQuerySchema } from "@/lib/versions/types";

/** A chart's versions, newest first: ?before=&limit= → VersionListResponse. Charts are readable by everyone signed in. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    await requireUser();
    const { id } = await ctx.params;
    const query = versionListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json(await listChartVersions(id, query));
  } catch (e) {
    return errorResponse(e);
  }
}
