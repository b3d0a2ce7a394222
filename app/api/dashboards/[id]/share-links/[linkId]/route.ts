// Revokes one public link: its page, results and image answer 404 from now on.
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { revokeShareLink } from "@/lib/sharing/revoke-share-link";

const paramsSchema = z.object({ id: z.string().min(1).max(64), linkId: z.string().min(1).max(64) });

export async function DELETE(_req: Request, ctx: { params: Promise<{ id: string; linkId: string }> }) {
  try {
    const user = await requireUser();
    const { id, linkId } = paramsSchema.parse(await ctx.params);
    return Response.json({ link: await revokeShareLink(user, id, linkId) });
  } catch (e) {
    return errorResponse(e);
  }
}
