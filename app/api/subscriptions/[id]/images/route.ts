import { z } from "zod";
import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { revokeDigestImages } from "@/lib/digests/digest-image";
import { getSubscriptionOrThrow } from "@/lib/digests/get-subscription";
import { errorResponse } from "@/lib/errors";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** Deletes every image this subscription posted to Slack: their public links stop working. Editors only. */
export async function DELETE(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    assertAllowed(canEditContent(user), "manage email subscriptions");
    await getSubscriptionOrThrow(id, user);
    return Response.json({ revoked: await revokeDigestImages(id) });
  } catch (e) {
    return errorResponse(e);
  }
}
