// The snapshot image of a public link (og:image / twitter:image). Serves the stored snapshot; when it is
// stale, a new render gets a few seconds before the previous image is served instead.
import { AppError, errorResponse } from "@/lib/errors";
import { getDashboardImage } from "@/lib/sharing/dashboard-image";
import { PUBLIC_HEADERS } from "@/lib/sharing/http";
import { resolveShareTokenOrThrow } from "@/lib/sharing/resolve-share-link";

export const dynamic = "force-dynamic";

/** Unfurlers give up after some seconds; the previous image is better than none. */
const WAIT_WITH_PREVIOUS_MS = 3_000;
const WAIT_WITHOUT_IMAGE_MS = 20_000;

export async function GET(_req: Request, ctx: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await ctx.params;
    const link = await resolveShareTokenOrThrow(token);
    const image = await getDashboardImage(link.dashboardId, { waitMs: WAIT_WITH_PREVIOUS_MS, waitWhenMissingMs: WAIT_WITHOUT_IMAGE_MS });
    if (!image) {
      const res = errorResponse(new AppError("UNAVAILABLE", "The snapshot of this dashboard is not ready yet; try again in a minute."));
      res.headers.set("retry-after", "60");
      return res;
    }
    return new Response(new Uint8Array(image.png), {
      headers: {
        ...PUBLIC_HEADERS,
        "content-type": "image/png",
        "content-length": String(image.png.length),
        "last-modified": image.renderedAt.toUTCString(),
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
