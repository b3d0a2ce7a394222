// What a link-preview bot (Slackbot, ...) gets for an internal dashboard link: a page with the title only
// (a neutral title for private or unknown dashboards), never data. Requests for /dashboards/<id> from
// link-preview bots without a session are rewritten here; everyone else there still has to sign in.
import { internalUnfurlHtml } from "@/lib/sharing/unfurl-metadata";
import { PUBLIC_HEADERS } from "@/lib/sharing/http";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return new Response(await internalUnfurlHtml(id), {
    headers: { ...PUBLIC_HEADERS, "content-type": "text/html; charset=utf-8" },
  });
}
