import { errorResponse } from "@/lib/errors";
import { createFirstAdmin } from "@/lib/users/create-first-admin";
import { setupAdminSchema } from "@/lib/users/schemas";

// Open without a session on purpose: it only works while there is no account at all.
export async function POST(req: Request) {
  try {
    const input = setupAdminSchema.parse(await req.json());
    const user = await createFirstAdmin(input);
    return Response.json({ id: user.id }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
