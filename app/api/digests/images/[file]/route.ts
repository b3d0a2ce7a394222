// The image a digest's Slack post shows (lib/digests/digest-image.ts). Public: Slack fetches it without
// signing in, so the unguessable token in the address is the credential. Every token that opens nothing
// (malformed, unknown, expired, deleted with its subscription or revoked) gets the same bare 404.
import { errorResponse } from "@/lib/errors";
import { DIGEST_IMAGE_MAX_AGE_SECONDS, getDigestImage } from "@/lib/digests/digest-image";

export const dynamic = "force-dynamic";

const COMMON_HEADERS = { "x-content-type-options": "nosniff", "x-robots-tag": "noindex, nofollow" } as const;

function notFoundResponse(): Response {
  return new Response("Not found", { status: 404, headers: { ...COMMON_HEADERS, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  try {
    const { file } = await ctx.params;
    const token = /^([^.]+)\.png$/.exec(file)?.[1];
    const image = token ? await getDigestImage(token) : null;
    if (!image) return notFoundResponse();
    const secondsLeft = Math.floor((image.expiresAt.getTime() - Date.now()) / 1000);
    return new Response(new Uint8Array(image.png), {
      headers: {
        ...COMMON_HEADERS,
        "content-type": "image/png",
        "content-length": String(image.png.length),
        "cache-control": `private, max-age=${Math.max(0, Math.min(DIGEST_IMAGE_MAX_AGE_SECONDS, secondsLeft))}`,
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
