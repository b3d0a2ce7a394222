// The favourites API's bodies, shared by the star button and the route handler.
import { z } from "zod";

export const favouriteKindSchema = z.enum(["dashboard", "chart"]);
export type FavouriteKind = z.infer<typeof favouriteKindSchema>;

/** PUT /api/favourites: star (`favourite: true`) or unstar a dashboard or chart. Idempotent. */
export const setFavouriteBodySchema = z.object({
  kind: favouriteKindSchema,
  id: z.string().min(1).max(100),
  favourite: z.boolean(),
});
export type SetFavouriteBody = z.infer<typeof setFavouriteBodySchema>;

export interface FavouriteItem {
  kind: FavouriteKind;
  id: string;
  title: string;
  /** Where it opens; null for a chart a viewer cannot open (not on any dashboard they can see). */
  href: string | null;
  starredAt: string;
}
