import { requireUser } from "@/lib/auth/session";
import { listDataSources } from "@/lib/data-sources/list-data-sources";
import { errorResponse } from "@/lib/errors";

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
