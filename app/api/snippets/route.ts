import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";
import { createSnippet, listSnippets } from "@/lib/snippets/manage-snippets";
import { createSnippetSchema } from "@/lib/snippets/schemas";

/** Every snippet, for everyone signed in: { snippets }. */
export async function GET() {
  try {
    await requireUser();
    return Response.json({ snippets: await listSnippets() });
  } catch (e) {
    return errorResponse(e);
  }
}

/** Creates a snippet (editors). */
export async function POST(req: Request) {
  try {
    const user = await requireUser();
    assertAllowed(canEditContent(user), "manage snippets");
    const body = createSnippetSchema.parse(await readJsonBody(req));
    return Response.json(await createSnippet(body, user.id), { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
