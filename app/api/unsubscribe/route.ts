// Records an opt-out from a digest. Public: the signed query (subscription, address, HMAC) is the
// authorization. Two callers: the confirm button of /unsubscribe (a form with confirm=1, answered with a
// redirect back to the page) and mail clients' one-click List-Unsubscribe (RFC 8058, answered 200).
// The page's "Subscribe again" button (resubscribe=1) takes the opt-out back: only the recipient, holding
// their signed link, can undo it; an editor re-adding the address cannot.
import { recordOptOut, removeOptOut } from "@/lib/digests/record-opt-out";
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
    const form = await req.formData().catch(() => null);
    const fromPage = form?.get("confirm") === "1";
    const resubscribe = form?.get("resubscribe") === "1";
    const recorded = resubscribe ? await removeOptOut(target) : await recordOptOut(target);
    if (fromPage || resubscribe) {
      // Back to the page, which says what happened: unsubscribed, subscribed again, or (the subscription was
      // deleted meanwhile) that the link no longer works, rather than a JSON error in the browser.
      const page = new URL(appUrlFor(env.APP_URL, "/unsubscribe"));
      page.search = url.search;
      if (recorded) page.searchParams.set(resubscribe ? "resubscribed" : "done", "1");
      return new Response(null, { status: 303, headers: { location: page.toString(), ...NO_STORE } });
    }
    if (!recorded) throw notFound("Subscription");
    return Response.json({ unsubscribed: target.email }, { headers: NO_STORE });
  } catch (e) {
    return errorResponse(e);
  }
}
