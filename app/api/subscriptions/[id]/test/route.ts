import { z } from "zod";
import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getSubscriptionOrThrow } from "@/lib/digests/get-subscription";
import { sendTestDigest } from "@/lib/digests/send-test-digest";
import { errorResponse } from "@/lib/errors";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** "Send a test to me": renders and emails the digest now, to the signed-in user only. Editors only. */
export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    assertAllowed(canEditContent(user), "send digests");
    await getSubscriptionOrThrow(id, user);
    return Response.json(await sendTestDigest(id, user));
  } catch (e) {
    return errorResponse(e);
  }
}
