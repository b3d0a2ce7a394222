import { assertAllowed, canRunSql } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { getSchemaTree } from "@/lib/schema/get-schema-tree";

type Context = { params: Promise<{ id: string }> };

/** Schemas, tables and columns of a data source (cached 10 minutes; `?refresh=1` reads them again). */
export async function GET(req: Request, ctx: Context) {
  try {
    const user = await requireUser();
    assertAllowed(canRunSql(user), "browse data source schemas");
    const { id } = await ctx.params;
    const refresh = ["1", "true"].includes(new URL(req.url).searchParams.get("refresh") ?? "");
    return Response.json(await getSchemaTree(id, { refresh }));
  } catch (e) {
    return errorResponse(e);
  }
}
