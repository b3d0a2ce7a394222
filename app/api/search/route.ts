import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { search } from "@/lib/search/search";
import { searchQuerySchema } from "@/lib/search/types";

/** GET /api/search?q=&limit= → SearchResponse: dashboards and charts (definitions; SQL for editors), best first. */
export async function GET(req: Request) {
  try {
    const user = await requireUser();
    const { q, limit } = searchQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json(await search(user, q, limit));
  } catch (e) {
    return errorResponse(e);
  }
}
