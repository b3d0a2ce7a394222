import { assertAllowed, canManagePeople } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";
import { updateUserSchema } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/update-user";

/**
 * { role?, active? } → { user }. Admins only; 409 when it would leave no active admin. Deactivating
 * ends the person's sessions at once (every request re-reads the account).
 */
export async function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireUser();
    assertAllowed(canManagePeople(actor), "manage people");
    const { id } = await ctx.params;
    const input = updateUserSchema.parse(await readJsonBody(req));
    return Response.json({ user: await updateUser(actor, id, input) });
  } catch (e) {
    return errorResponse(e);
  }
}
