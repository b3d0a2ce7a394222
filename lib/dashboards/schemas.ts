import { z } from "zod";

export const createDashboardSchema = z.object({
  title: z.string().trim().min(1, "Give the dashboard a title.").max(200),
  description: z.string().max(10_000).default(""),
});

export const addTileSchema = z.object({ chartId: z.string().min(1) });
