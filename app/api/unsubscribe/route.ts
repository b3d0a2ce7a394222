// Records an opt-out from a digest. Public: the signed query (subscription, address, HMAC) is the
// authorization. Two callers: the confirm button of /unsubscribe (a form with confirm=1, answered with a
// redirect back to the page) and mail clients' one-click List-Unsubscribe (RFC 8058, answered 200).
import { recordOptOut } from "@/lib/digests/record-opt-out";
import { readUnsubscribeQuery } from "@/lib/digests/unsubscribe-token";
import { getRuntimeEnv } from "@/lib/env";
import { errorResponse, notFound } from "@/lib/errors";
import { appUrlFor } from "@/lib/http/app-url";

const NO_STORE = { "cache-control": "no-store" };

export async function POST(req: Request) {
  try {
    const url = new URL(req.url);
    const env = getRuntimeEnv();
    const target = readUnsubscribeQuery(url.searchParams, env.AUTH_SECRET);
    if (!target) {
      return Response.json({ error: { code: "BAD_REQUEST", message: "This unsubscribe link is not valid." } }, { status: 400, headers: NO_STORE });
    }
    if (!(await recordOptOut(target))) throw notFound("Subscription");
    const form = await req.formData().catch(() => null);
    if (form?.get("confirm") === "1") {
      const page = new URL(appUrlFor(env.APP_URL, "/unsubscribe"));
      page.search = url.search;
      page.searchParams.set("done", "1");
      return new Response(null, { status: 303, headers: { location: page.toString(), ...NO_STORE } });
    }
    return Response.json({ unsubscribed: target.email }, { headers: NO_STORE });
  } catch (e) {
    return errorResponse(e);
  }
}
