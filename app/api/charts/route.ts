import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { createChart } from "@/lib/charts/create-chart";
import { createChartBodySchema } from "@/lib/charts/schemas";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";

/** Saves a chart: { title, description, sql, dataSourceId, vizType, vizConfig } → { id }. */
export async function POST(req: Request) {
  try {
    const user = await requireUser();
    assertAllowed(canEditContent(user), "create charts");
    const body = createChartBodySchema.parse(await readJsonBody(req));
    const chart = await createChart(user.id, body);
    return Response.json({ id: chart.id }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
