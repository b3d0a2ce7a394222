import { z } from "zod";
import { dashboardScheduleFields } from "@/lib/schedules/refresh-schedule";
import { MAX_TILES, TILE_KINDS, layoutProblems } from "./layout/grid";

export const createDashboardSchema = z.object({
  title: z.string().trim().min(1, "Give the dashboard a title.").max(200),
  description: z.string().max(10_000).default(""),
});

export const addTileSchema = z.object({ chartId: z.string().min(1) });

/** Refresh intervals offered in the UI; 0 turns scheduled refreshes off. */
export const REFRESH_INTERVAL_CHOICES = [0, 15, 30, 60, 120, 240, 360, 720, 1440] as const;

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

/** How a tag is stored: trimmed, lower case, inner spaces collapsed ("  Finance  Weekly" → "finance weekly"). */
export function normalizeTag(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, " ");
}

export const tagSchema = z
  .string()
  .transform(normalizeTag)
  .pipe(
    z
      .string()
      .min(1, "A tag cannot be empty.")
      .max(MAX_TAG_LENGTH, `Tags are at most ${MAX_TAG_LENGTH} characters.`)
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, "Tags use letters, digits, spaces, dots, dashes and underscores."),
  );

export const tagsSchema = z
  .array(tagSchema)
  .max(MAX_TAGS, `A dashboard has at most ${MAX_TAGS} tags.`)
  .transform((tags) => [...new Set(tags)]);

export const updateDashboardSchema = z.object({
  /** The version the editor started from; a mismatch means someone else saved in between. */
  version: z.number().int().positive(),
  title: z.string().trim().min(1, "Give the dashboard a title.").max(200).optional(),
  description: z.string().max(10_000).optional(),
  tags: tagsSchema.optional(),
  /** Only the owner and admins may change it (checked on the server). */
  isPrivate: z.boolean().optional(),
  /** The refresh schedule: interval (0 = off), or a cron in a time zone that replaces it (lib/schedules). */
  ...dashboardScheduleFields,
});
export type UpdateDashboardInput = z.infer<typeof updateDashboardSchema>;

export const MAX_TEXT_LENGTH = 10_000;
export const MAX_HEADER_LENGTH = 200;

const tileIdSchema = z.string().min(1).max(64);
const position = {
  /** Omitted for a tile added in this edit. */
  id: tileIdSchema.optional(),
  x: z.number().int("Positions are whole grid cells.").min(0, "Tiles start at column 1 or later."),
  y: z.number().int("Positions are whole grid cells.").min(0, "Tiles start at row 1 or later."),
  w: z.number().int("Sizes are whole grid cells.").min(1, "A tile is at least 1 column wide."),
  h: z.number().int("Sizes are whole grid cells.").min(1, "A tile is at least 1 row tall."),
};

export const layoutTileSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("chart"),
      ...position,
      /** For a chart tile added in this edit; existing chart tiles keep their chart. */
      chartId: tileIdSchema.optional(),
    }),
    z.object({
      kind: z.literal("text"),
      ...position,
      text: z.string().max(MAX_TEXT_LENGTH, `Text tiles hold at most ${MAX_TEXT_LENGTH.toLocaleString("en-US")} characters.`),
    }),
    z.object({
      kind: z.literal("header"),
      ...position,
      text: z
        .string()
        .trim()
        .min(1, "Give the section header a title.")
        .max(MAX_HEADER_LENGTH, `Section headers are at most ${MAX_HEADER_LENGTH} characters.`)
        .refine((s) => !/[\r\n]/.test(s), "A section header is one line."),
    }),
  ],
  { error: () => `A tile's kind is one of: ${TILE_KINDS.join(", ")}.` },
);
export type LayoutTileInput = z.infer<typeof layoutTileSchema>;

/** The whole layout as the editor saves it: every tile, in any order, with the version it started from. */
export const saveLayoutSchema = z
  .object({
    version: z.number().int().positive(),
    tiles: z.array(layoutTileSchema).max(MAX_TILES, `A dashboard has at most ${MAX_TILES} tiles.`),
  })
  .superRefine(({ tiles }, ctx) => {
    for (const problem of layoutProblems(tiles)) ctx.addIssue({ code: "custom", message: problem, path: ["tiles"] });
    const seen = new Set<string>();
    tiles.forEach((t, i) => {
      if (t.id && seen.has(t.id)) ctx.addIssue({ code: "custom", message: `Tile ${i + 1} appears twice in the layout.`, path: ["tiles", i, "id"] });
      if (t.id) seen.add(t.id);
      if (t.kind === "chart" && !t.id && !t.chartId) {
        ctx.addIssue({ code: "custom", message: `Tile ${i + 1} is a new chart tile: say which chart (chartId).`, path: ["tiles", i, "chartId"] });
      }
    });
  });
export type SaveLayoutInput = z.infer<typeof saveLayoutSchema>;
