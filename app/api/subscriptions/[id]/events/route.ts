import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getSubscriptionOrThrow } from "@/lib/digests/get-subscription";
import { listDeliveryEvents } from "@/lib/digests/list-delivery-events";
import { errorResponse } from "@/lib/errors";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
const querySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** The subscription's delivery log, newest first. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const { limit } = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const user = await requireUser();
    await getSubscriptionOrThrow(id, user);
    return Response.json({ events: await listDeliveryEvents(id, limit) });
  } catch (e) {
    return errorResponse(e);
  }
}
