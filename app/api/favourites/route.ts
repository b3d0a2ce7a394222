import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { listFavourites } from "@/lib/favourites/list-favourites";
import { setFavouriteBodySchema } from "@/lib/favourites/schemas";
import { setFavourite } from "@/lib/favourites/set-favourite";
import { readJsonBody } from "@/lib/queries/read-json-body";

/** GET /api/favourites → { favourites: FavouriteItem[] } (dashboards first, each kind by title). */
export async function GET() {
  try {
    const user = await requireUser();
    return Response.json({ favourites: await listFavourites(user) });
  } catch (e) {
    return errorResponse(e);
  }
}

/** PUT /api/favourites { kind, id, favourite } → the same, as now stored. Everyone signed in, viewers too. */
export async function PUT(req: Request) {
  try {
    const user = await requireUser();
    const body = setFavouriteBodySchema.parse(await readJsonBody(req));
    return Response.json(await setFavourite(user, body));
  } catch (e) {
    return errorResponse(e);
  }
}
