// Rotates one public link: revokes it and returns a new one in its place ({ expiresAt?: ISO | null }).
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { readOptionalJson } from "@/lib/sharing/http";
import { rotateShareLink } from "@/lib/sharing/rotate-share-link";
import { rotateShareLinkSchema } from "@/lib/sharing/schemas";

const paramsSchema = z.object({ id: z.string().min(1).max(64), linkId: z.string().min(1).max(64) });

export async function POST(req: Request, ctx: { params: Promise<{ id: string; linkId: string }> }) {
  try {
    const user = await requireUser();
    const { id, linkId } = paramsSchema.parse(await ctx.params);
    const input = rotateShareLinkSchema.parse(await readOptionalJson(req));
    return Response.json(await rotateShareLink(user, id, linkId, input), { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
