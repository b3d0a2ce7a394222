import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";
import { deleteSnippet, updateSnippet } from "@/lib/snippets/manage-snippets";
import { updateSnippetSchema } from "@/lib/snippets/schemas";

type Ctx = { params: Promise<{ id: string }> };

export async function PATCH(req: Request, ctx: Ctx) {
  try {
    const user = await requireUser();
    assertAllowed(canEditContent(user), "manage snippets");
    const body = updateSnippetSchema.parse(await readJsonBody(req));
    return Response.json(await updateSnippet((await ctx.params).id, body));
  } catch (e) {
    return errorResponse(e);
  }
}

export async function DELETE(_req: Request, ctx: Ctx) {
  try {
    const user = await requireUser();
    assertAllowed(canEditContent(user), "manage snippets");
    await deleteSnippet((await ctx.params).id);
    return new Response(null, { status: 204 });
  } catch (e) {
    return errorResponse(e);
  }
}
