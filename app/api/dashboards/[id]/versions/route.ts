import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { listDashboardVersions } from "@/lib/versions/dashboard-versions";
import { versionListQuerySchema } from "@/lib/versions/types";

/** A dashboard's layout versions, newest first: ?before=&limit= → VersionListResponse; 404 when it is not visible. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await ctx.params;
    const query = versionListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json(await listDashboardVersions(user, id, query));
  } catch (e) {
    return errorResponse(e);
  }
}
