import { z } from "zod";

export const createDashboardSchema = z.object({
  title: z.string().trim().min(1, "Give the dashboard a title.").max(200),
  description: z.string().max(10_000).default(""),
});

export const addTileSchema = z.object({ chartId: z.string().min(1) });

/** Refresh intervals offered in the UI; 0 turns scheduled refreshes off. */
export const REFRESH_INTERVAL_CHOICES = [0, 15, 30, 60, 120, 240, 360, 720, 1440] as const;

export const updateDashboardSchema = z.object({
  /** The version the editor started from; a mismatch means someone else saved in between. */
  version: z.number().int().positive(),
  title: z.string().trim().min(1, "Give the dashboard a title.").max(200).optional(),
  description: z.string().max(10_000).optional(),
  refreshIntervalMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 1440, "Refresh at least once a week, or turn refreshes off (0).")
    .refine((m) => m === 0 || m >= 5, "Refresh at most every 5 minutes, or turn refreshes off (0).")
    .optional(),
});
export type UpdateDashboardInput = z.infer<typeof updateDashboardSchema>;
