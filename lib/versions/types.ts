// What the version APIs return. Shared by the route handlers and the VersionHistory panel.
import { z } from "zod";
import type { ChartVersionContent, LayoutContent } from "./diff";

export type VersionKind = "chart" | "dashboard";

export const versionListQuerySchema = z.object({
  /** Only versions older than this one (the previous page's `nextBefore`). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type VersionListQuery = z.input<typeof versionListQuerySchema>;

export const versionNumberSchema = z.coerce.number().int().positive();

/** POST .../versions/{n}/restore: `version` is the current version the client is looking at, as in every save. */
export const restoreBodySchema = z.object({ version: z.number().int().positive() });

export interface VersionAuthor {
  id: string;
  name: string;
}

export interface VersionSummary {
  version: number;
  savedAt: string;
  /** Null when the user was deleted or the save was made by the system. */
  savedBy: VersionAuthor | null;
  /** What this save changed compared with the version before it: ["SQL", "settings"]. */
  changes: string[];
  /** True for the version the chart or dashboard is at now. */
  current: boolean;
}

export interface VersionListResponse {
  kind: VersionKind;
  id: string;
  currentVersion: number;
  /** Newest first. */
  versions: VersionSummary[];
  /** Pass as `before` to read older versions; null when there are none. */
  nextBefore: number | null;
}

export interface ChartVersionRecord extends ChartVersionContent {
  version: number;
  savedAt: string;
  savedBy: VersionAuthor | null;
  /** Null when the data source has since been deleted. */
  dataSourceName: string | null;
}

export interface DashboardVersionRecord extends LayoutContent {
  version: number;
  savedAt: string;
  savedBy: VersionAuthor | null;
}

export interface ChartVersionDetailResponse {
  kind: "chart";
  version: ChartVersionRecord;
  /** The version saved before it, for "what this save changed"; null for the oldest. */
  previous: ChartVersionRecord | null;
  /** The chart as it is now, for "compare with current". */
  current: ChartVersionRecord;
}

export interface DashboardVersionDetailResponse {
  kind: "dashboard";
  version: DashboardVersionRecord;
  previous: DashboardVersionRecord | null;
  current: DashboardVersionRecord;
  /** Titles of the charts the tiles show; a chart missing here has been deleted. */
  chartTitles: Record<string, string>;
}

export type VersionDetailResponse = ChartVersionDetailResponse | DashboardVersionDetailResponse;

export interface RestoreResponse {
  /** The new current version (a copy of the restored one). */
  version: number;
  restoredFrom: number;
  /** What could not be put back, e.g. tiles of deleted charts. */
  notes: string[];
}
