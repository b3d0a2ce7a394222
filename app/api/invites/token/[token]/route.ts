import { errorResponse } from "@/lib/errors";
import { getPendingInviteOrThrow } from "@/lib/invites/find-invite";

// Open without a session on purpose: the person holding the link has no account yet. The token is the
// credential; an unknown, expired, revoked or used one answers 404 with the reason.

/** { email, role, invitedBy, expiresAt, accountExists }. */
export async function GET(_req: Request, ctx: { params: Promise<{ token: string }> }) {
  try {
    return Response.json(await getPendingInviteOrThrow((await ctx.params).token));
  } catch (e) {
    return errorResponse(e);
  }
}
