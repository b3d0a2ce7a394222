import { assertAllowed, canAdminister } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { bounceWebhookSecret } from "@/lib/digests/bounces";
import { getRuntimeEnv } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { appUrlFor } from "@/lib/http/app-url";

/** For admins: where the mail provider reports bounces, and the secret it must send. */
export async function GET() {
  try {
    const user = await requireUser();
    assertAllowed(canAdminister(user), "see the bounce webhook secret");
    const url = appUrlFor(getRuntimeEnv().APP_URL, "/api/digests/bounces");
    return Response.json({ url, secret: bounceWebhookSecret() }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
