import { assertAllowed, canRunSql } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { listQueryRuns } from "@/lib/queries/list-query-runs";
import { historyQuerySchema } from "@/lib/queries/schemas";

/** The latest ad-hoc runs: ?limit=50&mine=1 → { runs }. */
export async function GET(req: Request) {
  try {
    const user = await requireUser();
    assertAllowed(canRunSql(user), "see the query history");
    const params = new URL(req.url).searchParams;
    const query = historyQuerySchema.parse({ limit: params.get("limit") ?? undefined, mine: params.get("mine") ?? undefined });
    return Response.json(await listQueryRuns({ userId: user.id, mine: query.mine, limit: query.limit }));
  } catch (e) {
    return errorResponse(e);
  }
}
