// Which `{{parameters}}` a query needs once its snippets are expanded: a snippet may hold parameters
// (`created_at >= {{since}}`), and the SQL page must show their inputs and send their values. Pure and
// browser-safe: the page passes the snippets it loaded.
import { findParameters } from "@/lib/queries/parameters";
import { matchesInCode, sqlRegions } from "@/lib/queries/sql-regions";

/** `[name]`, as expand-snippets.ts recognizes it. */
const SNIPPET_REFERENCE = /\[([a-z0-9_]+)\]/g;

const SNIPPET_REFERENCE_AT = new RegExp(SNIPPET_REFERENCE.source, "y");

/** The length of the `[name]` written at `index` of `text`, or 0. */
export function snippetReferenceLengthAt(text: string, index: number): number {
  SNIPPET_REFERENCE_AT.lastIndex = index;
  return SNIPPET_REFERENCE_AT.exec(text)?.[0].length ?? 0;
}

/** The `[name]` references in `sql` outside comments and quotes, in order; `m[1]` is the name. */
export function snippetReferences(sql: string): RegExpExecArray[] {
  return matchesInCode(sql, SNIPPET_REFERENCE);
}

/**
 * A snippet's SQL as it goes in place of `[name]`: a snippet that ends in a `-- comment` gets a line break,
 * or the comment would swallow the rest of the line it is inserted into (`[active_users] and ...`).
 */
export function snippetBodyToInsert(body: string): string {
  const regions = sqlRegions(body);
  const last = regions[regions.length - 1];
  return last?.kind === "comment" && body.startsWith("--", last.from) ? body + "\n" : body;
}
/** How deep snippets may include snippets. */
export const MAX_SNIPPET_DEPTH = 5;

/** Parameter names of `sql` in order of first use, then those of the snippets it references (nested too). */
export function findParametersWithSnippets(sql: string, snippets: ReadonlyMap<string, string>): string[] {
  const names: string[] = [];
  const visit = (text: string, depth: number) => {
    for (const name of findParameters(text)) if (!names.includes(name)) names.push(name);
    // A cycle or a too-deep nesting is refused by the server with its own message.
    if (depth >= MAX_SNIPPET_DEPTH || snippets.size === 0) return;
    for (const m of snippetReferences(text)) {
      const body = snippets.get(m[1]);
      if (body !== undefined) visit(body, depth + 1);
    }
  };
  visit(sql, 0);
  return names;
}
