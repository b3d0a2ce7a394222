import { assertAllowed, canManagePeople } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { revokeInvite } from "@/lib/invites/revoke-invite";

/** Revokes a pending invitation (204); its link stops working at once. Admins only. */
export async function DELETE(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    assertAllowed(canManagePeople(user), "manage invitations");
    await revokeInvite((await ctx.params).id);
    return new Response(null, { status: 204 });
  } catch (e) {
    return errorResponse(e);
  }
}
