import { assertAllowed, canRunSql } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { getQueryRun } from "@/lib/queries/list-query-runs";

/** One ad-hoc run of the history (the SQL page opens it with /sql?run={id}). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    assertAllowed(canRunSql(user), "see the query history");
    const { id } = await ctx.params;
    return Response.json(await getQueryRun(id));
  } catch (e) {
    return errorResponse(e);
  }
}
