// Dashboard tags as filters: one tag is one chip however people typed it. A single tag is normalized by
// lib/dashboards/schemas.ts (normalizeTag, the rule every dashboard save applies); these helpers apply the
// same rule to stored lists (restores) and to the list page's ?tag=.
import { MAX_TAGS, normalizeTag } from "@/lib/dashboards/schemas";

/** Tags as stored: normalized, empty ones dropped, duplicates removed (first kept, order kept), at most 20. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const t of tags) {
    const n = normalizeTag(t);
    if (n) seen.add(n);
  }
  return [...seen].slice(0, MAX_TAGS);
}

/** The `?tag=` of the dashboard list, normalized; undefined when absent or blank. */
export function tagFromQuery(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  const tag = raw === undefined ? "" : normalizeTag(raw);
  return tag || undefined;
}
