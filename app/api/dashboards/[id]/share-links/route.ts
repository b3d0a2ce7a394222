// Public links of one dashboard: list them, create one ({ expiresAt?: ISO date-time | null }).
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { createShareLink } from "@/lib/sharing/create-share-link";
import { readOptionalJson } from "@/lib/sharing/http";
import { listShareLinks } from "@/lib/sharing/list-share-links";
import { createShareLinkSchema } from "@/lib/sharing/schemas";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
type Context = { params: Promise<{ id: string }> };

export async function GET(_req: Request, ctx: Context) {
  try {
    const user = await requireUser();
    const { id } = paramsSchema.parse(await ctx.params);
    return Response.json({ links: await listShareLinks(user, id) }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}

export async function POST(req: Request, ctx: Context) {
  try {
    const user = await requireUser();
    const { id } = paramsSchema.parse(await ctx.params);
    const input = createShareLinkSchema.parse(await readOptionalJson(req));
    return Response.json({ link: await createShareLink(user, id, input) }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
