// The whole dashboard as PNG or PDF, rendered now: GET /api/dashboards/<id>/download?format=png|pdf
// (&f.<name>=... for the filtered view).
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { DOWNLOAD_FORMATS, downloadDashboard } from "@/lib/sharing/download-dashboard";
import { attachment } from "@/lib/sharing/http";

export const dynamic = "force-dynamic";
// A render waits for every chart to draw; give it time beyond platform defaults.
export const maxDuration = 180;

const inputSchema = z.object({
  id: z.string().min(1).max(64),
  format: z.enum(DOWNLOAD_FORMATS, { message: "Choose format=png or format=pdf." }),
});

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await ctx.params;
    const searchParams = new URL(req.url).searchParams;
    const input = inputSchema.parse({ id, format: searchParams.get("format") ?? undefined });
    // The filter values of the view it was asked from (f.<name>=...), as on the dashboard's URL.
    const file = await downloadDashboard(user, input.id, input.format, { searchParams });
    return new Response(new Uint8Array(file.body), {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.body.length),
        "content-disposition": attachment(file.filename),
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
