import { assertAllowed, canAdminister } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { testConnectionFromForm } from "@/lib/data-sources/save-data-source";
import { testConnectionBodySchema } from "@/lib/data-sources/schemas";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";

/** Tests unsaved settings: `{ ok: true, serverVersion, isRedshift, latencyMs }` or `{ ok: false, stage, message }`. */
export async function POST(req: Request) {
  try {
    const user = await requireUser();
    assertAllowed(canAdminister(user), "manage data sources");
    const body = testConnectionBodySchema.parse(await readJsonBody(req));
    return Response.json(await testConnectionFromForm(body));
  } catch (e) {
    return errorResponse(e);
  }
}
