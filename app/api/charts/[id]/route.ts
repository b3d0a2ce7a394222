import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getChartOrThrow } from "@/lib/charts/get-chart";
import { updateChartBodySchema } from "@/lib/charts/schemas";
import { updateChart } from "@/lib/charts/update-chart";
import { errorResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/queries/read-json-body";

type Context = { params: Promise<{ id: string }> };

/** A chart with its SQL and config. Charts are shared across the company: any signed-in user may read one. */
export async function GET(_req: Request, ctx: Context) {
  try {
    await requireUser();
    const { id } = await ctx.params;
    return Response.json(await getChartOrThrow(id));
  } catch (e) {
    return errorResponse(e);
  }
}

/** Saves changes; the body carries the `version` it was read at, and a newer version answers 409. */
export async function PATCH(req: Request, ctx: Context) {
  try {
    const user = await requireUser();
    assertAllowed(canEditContent(user), "edit charts");
    const { id } = await ctx.params;
    const body = updateChartBodySchema.parse(await readJsonBody(req));
    return Response.json(await updateChart(id, user.id, body));
  } catch (e) {
    return errorResponse(e);
  }
}
