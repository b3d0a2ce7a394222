import { assertAllowed, canManagePeople } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { listUsers } from "@/lib/users/list-users";

/** Every account: { users: [{ id, name, email, role, active, createdAt }] }. Admins only. */
export async function GET() {
  try {
    const user = await requireUser();
    assertAllowed(canManagePeople(user), "manage people");
    return Response.json({ users: await listUsers() });
  } catch (e) {
    return errorResponse(e);
  }
}
