import { assertAllowed, canAdminister } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listDataSources } from "@/lib/data-sources/list-data-sources";
import { createDataSourceFromForm } from "@/lib/data-sources/save-data-source";
import { dataSourceFormSchema } from "@/lib/data-sources/schemas";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";

/** Data sources any signed-in user may pick: names and kinds only, never credentials. */
export async function GET() {
  try {
    await requireUser();
    const dataSources = await listDataSources();
    return Response.json({ dataSources: dataSources.map((d) => ({ id: d.id, name: d.name, kind: d.kind, isDemo: d.isDemo })) });
  } catch (e) {
    return errorResponse(e);
  }
}

/** Admins add a data source; the answer carries warnings (unreachable, detected kind differs). */
export async function POST(req: Request) {
  try {
    const user = await requireUser();
    assertAllowed(canAdminister(user), "manage data sources");
    const body = dataSourceFormSchema.parse(await readJsonBody(req));
    return Response.json(await createDataSourceFromForm(body), { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
