import { errorResponse } from "@/lib/errors";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { acceptInviteSchema } from "@/lib/invites/schemas";
import { readJsonBody } from "@/lib/queries/read-json-body";

// Open without a session on purpose: the token in the link is the credential.

/** { name, password } → 201 { email }; 404 (with reason) for an unusable link, 409 if the email has an account. */
export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await ctx.params;
    const input = acceptInviteSchema.parse(await readJsonBody(req));
    return Response.json(await acceptInvite(token, input), { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
