// Which `{{parameters}}` a query needs once its snippets are expanded: a snippet may hold parameters
// (`created_at >= {{since}}`), and the SQL page must show their inputs and send their values. Pure and
// browser-safe: the page passes the snippets it loaded.
import { findParameters } from "@/lib/queries/parameters";

/** `[name]`, as expand-snippets.ts recognizes it. */
export const SNIPPET_REFERENCE = /\[([a-z0-9_]+)\]/g;
/** How deep snippets may include snippets. */
export const MAX_SNIPPET_DEPTH = 5;

/** Parameter names of `sql` in order of first use, then those of the snippets it references (nested too). */
export function findParametersWithSnippets(sql: string, snippets: ReadonlyMap<string, string>): string[] {
  const names: string[] = [];
  const visit = (text: string, depth: number) => {
    for (const name of findParameters(text)) if (!names.includes(name)) names.push(name);
    // A cycle or a too-deep nesting is refused by the server with its own message.
    if (depth >= MAX_SNIPPET_DEPTH || snippets.size === 0) return;
    for (const m of text.matchAll(SNIPPET_REFERENCE)) {
      const body = snippets.get(m[1]);
      if (body !== undefined) visit(body, depth + 1);
    }
  };
  visit(sql, 0);
  return names;
}
