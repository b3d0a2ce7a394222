// What GET /api/search and the search page return. Shared by the server and the browser.
import { z } from "zod";
import type { Segment } from "./snippet";
import { MAX_QUERY_LENGTH } from "./snippet";

export const DEFAULT_SEARCH_LIMIT = 30;
export const MAX_SEARCH_LIMIT = 100;

export const searchQuerySchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `Search for at most ${MAX_QUERY_LENGTH} characters.`).default(""),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_LIMIT).default(DEFAULT_SEARCH_LIMIT),
});

export type SearchField = "title" | "description" | "tags" | "sql";

export interface SearchResult {
  kind: "dashboard" | "chart";
  id: string;
  title: string;
  /** The title split into highlighted segments. */
  titleSegments: Segment[];
  /** Where to open it; null for a chart a viewer cannot open (not on any dashboard they can see). */
  href: string | null;
  /** The fields that contain at least one word of the query. */
  matchedIn: SearchField[];
  /** Matching text from the description (definition), tags or SQL, or the start of the description. */
  snippet: { field: Exclude<SearchField, "title">; segments: Segment[] } | null;
  /** Dashboards: their tags. */
  tags?: string[];
  /** Charts: the dashboards (visible to the searcher) they are on. */
  dashboards?: { id: string; title: string }[];
  /** Higher is better; title hits rank above everything else. */
  score: number;
  updatedAt: string;
}

export interface SearchResponse {
  query: string;
  /** The words every result contains. */
  words: string[];
  results: SearchResult[];
  /** True when more results matched than were returned. */
  truncated: boolean;
}

/** The empty-state text of a search that found nothing. */
export function noMatchesText(query: string): string {
  return `No dashboards, charts or definitions match “${query.trim()}”. Try fewer words.`;
}
