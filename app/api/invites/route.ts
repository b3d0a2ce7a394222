import { assertAllowed, canManagePeople } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { createInvite } from "@/lib/invites/create-invite";
import { listPendingInvites } from "@/lib/invites/list-invites";
import { createInviteSchema } from "@/lib/invites/schemas";
import { readJsonBody } from "@/lib/queries/read-json-body";

/** Invitations that can still be accepted: { invites }. Admins only. */
export async function GET() {
  try {
    const user = await requireUser();
    assertAllowed(canManagePeople(user), "manage people");
    return Response.json({ invites: await listPendingInvites() });
  } catch (e) {
    return errorResponse(e);
  }
}

/** { email, role } → 201 { invite, url, delivery: { sent, message } }. Admins only; 409 if the email has an account. */
export async function POST(req: Request) {
  try {
    const user = await requireUser();
    assertAllowed(canManagePeople(user), "invite people");
    const input = createInviteSchema.parse(await readJsonBody(req));
    return Response.json(await createInvite(user, input), { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
