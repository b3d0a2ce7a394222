import { assertAllowed, canAdminister } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { deleteDataSource } from "@/lib/data-sources/delete-data-source";
import { getDataSourceDetails } from "@/lib/data-sources/get-data-source";
import { updateDataSource } from "@/lib/data-sources/save-data-source";
import { dataSourceFormSchema } from "@/lib/data-sources/schemas";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";

type Context = { params: Promise<{ id: string }> };

/** The settings of a data source for the admin form: no password or CA certificate, only whether one is stored. */
export async function GET(_req: Request, ctx: Context) {
  try {
    const user = await requireUser();
    assertAllowed(canAdminister(user), "manage data sources");
    const { id } = await ctx.params;
    return Response.json(await getDataSourceDetails(id));
  } catch (e) {
    return errorResponse(e);
  }
}

/** Saves the form; an empty password or CA certificate keeps the stored one. */
export async function PATCH(req: Request, ctx: Context) {
  try {
    const user = await requireUser();
    assertAllowed(canAdminister(user), "manage data sources");
    const { id } = await ctx.params;
    const body = dataSourceFormSchema.parse(await readJsonBody(req));
    return Response.json(await updateDataSource(id, body));
  } catch (e) {
    return errorResponse(e);
  }
}

/** Deletes a data source; refused (409) while charts use it. */
export async function DELETE(_req: Request, ctx: Context) {
  try {
    const user = await requireUser();
    assertAllowed(canAdminister(user), "manage data sources");
    const { id } = await ctx.params;
    await deleteDataSource(id);
    return new Response(null, { status: 204 });
  } catch (e) {
    return errorResponse(e);
  }
}
