import { z } from "zod";
import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getSubscriptionOrThrow } from "@/lib/digests/get-subscription";
import { errorResponse } from "@/lib/errors";
import { enqueueDigestNow } from "@/lib/jobs/queues";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** "Send now": queues a digest for this moment; poll the deliveries to see how it went. Editors only. */
export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    assertAllowed(canEditContent(user), "send digests");
    await getSubscriptionOrThrow(id, user);
    return Response.json(await enqueueDigestNow(id), { status: 202 });
  } catch (e) {
    return errorResponse(e);
  }
}
