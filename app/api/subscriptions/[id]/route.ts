import { z } from "zod";
import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { deleteSubscription } from "@/lib/digests/delete-subscription";
import { getSubscriptionOrThrow } from "@/lib/digests/get-subscription";
import { updateSubscription } from "@/lib/digests/update-subscription";
import { errorResponse } from "@/lib/errors";
import { updateSubscriptionSchema } from "@/lib/schedules/schemas";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** Changes a subscription (only the fields given; see updateSubscriptionSchema). Editors only. */
export async function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    assertAllowed(canEditContent(user), "manage email subscriptions");
    const subscription = await getSubscriptionOrThrow(id, user);
    const input = updateSubscriptionSchema.parse(await req.json().catch(() => ({})));
    return Response.json({ subscription: await updateSubscription(subscription, subscription.dashboard, input) });
  } catch (e) {
    return errorResponse(e);
  }
}

/** Unsubscribes everyone on this subscription. Editors only. */
export async function DELETE(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    assertAllowed(canEditContent(user), "manage email subscriptions");
    await getSubscriptionOrThrow(id, user);
    return Response.json(await deleteSubscription(id));
  } catch (e) {
    return errorResponse(e);
  }
}
