import { z } from "zod";
import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { createSubscription } from "@/lib/digests/create-subscription";
import { listSubscriptions } from "@/lib/digests/list-subscriptions";
import { errorResponse } from "@/lib/errors";
import { createSubscriptionServerSchema } from "@/lib/schedules/cron";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** The dashboard's email subscriptions with their latest delivery (and the title, for the subject preview). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    const dashboard = await getDashboardOrThrow(id, user);
    return Response.json({ dashboard: { title: dashboard.title }, subscriptions: await listSubscriptions(id) });
  } catch (e) {
    return errorResponse(e);
  }
}

/**
 * Subscribes recipients to the dashboard (lib/schedules/schemas.ts createSubscriptionSchema: users, outside
 * emails, cron + time zone, filter values, formats, subject template, Slack webhook). Editors only.
 */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    assertAllowed(canEditContent(user), "manage email subscriptions");
    const dashboard = await getDashboardOrThrow(id, user);
    const input = createSubscriptionServerSchema.parse(await req.json().catch(() => ({})));
    const subscription = await createSubscription(dashboard, input, user.id);
    return Response.json({ subscription }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
