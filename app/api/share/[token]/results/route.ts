// The public dashboard's cached results, for the public page's periodic update. No session: the token is
// the authorization, and any token that does not open a dashboard gets the same 404.
import { errorResponse } from "@/lib/errors";
import { PUBLIC_HEADERS } from "@/lib/sharing/http";
import { getPublicDashboardOrThrow } from "@/lib/sharing/public-dashboard-view";

export const dynamic = "force-dynamic";

/** Filter values come in the query string as on the signed-in results API (`?f.period=last_30_days`). */
export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await ctx.params;
    const { view } = await getPublicDashboardOrThrow(token, { searchParams: new URL(req.url).searchParams });
    return Response.json(view, { headers: PUBLIC_HEADERS });
  } catch (e) {
    return errorResponse(e);
  }
}
