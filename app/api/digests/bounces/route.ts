import { AppError, errorResponse } from "@/lib/errors";
import { isBounceRequestAuthorized, recordBounce } from "@/lib/digests/bounces";

/** A bounce report: Authorization: Bearer <bounce secret>, body {messageId, recipient, reason}. */
export async function POST(req: Request) {
  try {
    if (!isBounceRequestAuthorized(req.headers.get("authorization"))) throw new AppError("UNAUTHORIZED", "A valid bounce webhook secret is required.");
    const body = await req.json().catch(() => {
      throw new AppError("BAD_REQUEST", "The body must be JSON: {messageId, recipient, reason}.");
    });
    return Response.json(await recordBounce(body), { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
