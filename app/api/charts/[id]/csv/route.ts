// One chart's cached result as CSV, as psql writes it: GET /api/charts/<id>/csv?dashboard=<dashboardId>,
// with the dashboard's filter values as on its URL (&f.<name>=...).
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { getChartCsv } from "@/lib/sharing/get-chart-csv";
import { attachment } from "@/lib/sharing/http";

const inputSchema = z.object({
  id: z.string().min(1).max(64),
  dashboard: z.string({ message: "Say which dashboard the chart is on (?dashboard=<id>)." }).min(1).max(64),
});

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await ctx.params;
    const searchParams = new URL(req.url).searchParams;
    const input = inputSchema.parse({ id, dashboard: searchParams.get("dashboard") ?? undefined });
    const file = await getChartCsv(user, input.id, input.dashboard, { searchParams });
    return new Response(file.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": attachment(file.filename),
        "cache-control": "no-store",
        "x-spyglass-row-count": String(file.rowCount),
        "x-spyglass-truncated": String(file.truncated),
        "x-spyglass-computed-at": file.computedAt,
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
