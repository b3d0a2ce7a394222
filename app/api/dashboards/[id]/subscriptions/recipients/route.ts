import { z } from "zod";
import { assertAllowed, canEditContent } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDashboardOrThrow } from "@/lib/dashboards/get-dashboard";
import { listPickableRecipients } from "@/lib/digests/recipient-users";
import { errorResponse } from "@/lib/errors";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** The users a digest of this dashboard may go to (active, able to open it), for the form's picker. Editors only. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = await requireUser();
    assertAllowed(canEditContent(user), "manage email subscriptions");
    const dashboard = await getDashboardOrThrow(id, user);
    return Response.json({ users: await listPickableRecipients(dashboard) });
  } catch (e) {
    return errorResponse(e);
  }
}
