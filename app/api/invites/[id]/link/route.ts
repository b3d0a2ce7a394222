import { assertAllowed, canManagePeople } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { renewInviteLink } from "@/lib/invites/renew-invite-link";

/** A new link for a pending invitation: { invite, url }. The previous link stops working. Admins only. */
export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    assertAllowed(canManagePeople(user), "manage invitations");
    return Response.json(await renewInviteLink((await ctx.params).id));
  } catch (e) {
    return errorResponse(e);
  }
}
