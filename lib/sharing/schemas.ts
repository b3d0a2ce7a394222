// What crosses the wire for public share links: the same schemas validate the panel's form and the API.
import { z } from "zod";

/** Optional expiry; must be in the future. null or absent: the link works until it is revoked. */
const expiresAtSchema = z
  .iso.datetime({ offset: true, message: "Give the expiry as a date and time." })
  .nullable()
  .optional()
  .refine((v) => v == null || new Date(v).getTime() > Date.now(), "Choose an expiry in the future.")
  // undefined (not given) stays apart from null (no expiry): rotating keeps the old expiry when not given.
  .transform((v) => (v === undefined ? undefined : v === null ? null : new Date(v)));

export const createShareLinkSchema = z.object({ expiresAt: expiresAtSchema });
export type CreateShareLinkInput = z.infer<typeof createShareLinkSchema>;

/** Rotating keeps the old link's expiry (when still ahead) unless a new one is given; null removes it. */
export const rotateShareLinkSchema = z.object({ expiresAt: expiresAtSchema });
export type RotateShareLinkInput = z.infer<typeof rotateShareLinkSchema>;

export type ShareLinkStatus = "active" | "expired" | "revoked";

/** A share link as editors see it in the panel. */
export interface ShareLinkView {
  id: string;
  dashboardId: string;
  status: ShareLinkStatus;
  /** The public address; null unless the link is active (a dead link is not worth copying). */
  url: string | null;
  /** ISO 8601. */
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Updated at most once a minute. */
  lastUsedAt: string | null;
}
