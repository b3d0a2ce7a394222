// `[name]` in SQL → the SQL of the snippet called `name`, expanded on the server before parameters are
// compiled. Only names of existing snippets are replaced: other brackets (array subscripts `a[1]`,
// `[[ optional ]]` blocks) are left alone. Like placeholders, `[name]` is recognized in code only, not in
// comments or string literals (`'[draft]'` stays text).
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Segment } from "@/lib/queries/parameters";
import { MAX_SNIPPET_DEPTH, snippetReferences, snippetBodyToInsert } from "./snippet-parameters";

export { MAX_SNIPPET_DEPTH };

/** Snippet SQL by name, for the names asked for that exist. */
export type SnippetLookup = (names: string[]) => Promise<Map<string, string>>;

export const lookupSnippetsInDb: SnippetLookup = async (names) => {
  if (names.length === 0) return new Map();
  const rows = await getDb().snippet.findMany({ where: { name: { in: names } }, select: { name: true, sql: true } });
  return new Map(rows.map((r) => [r.name, r.sql]));
};

/** The SQL with snippets expanded, and the map from the expanded text back to the text as written. */
export async function expandSnippetsMapped(sql: string, lookup: SnippetLookup = lookupSnippetsInDb): Promise<{ sql: string; segments: Segment[] }> {
  const known = new Map<string, string>();
  const load = async (text: string) => {
    const wanted = [...new Set(snippetReferences(text).map((m) => m[1]))].filter((n) => !known.has(n));
    if (wanted.length === 0) return;
    const found = await lookup(wanted);
    for (const n of wanted) known.set(n, found.get(n) ?? "\u0000missing");
  };
  const exists = (name: string) => known.get(name) !== "\u0000missing";

  const expand = async (text: string, stack: string[]): Promise<string> => {
    await load(text);
    let out = "";
    let at = 0;
    for (const m of snippetReferences(text)) {
      const name = m[1];
      if (!exists(name)) continue;
      if (stack.includes(name)) throw new AppError("INVALID", `Snippet [${name}] includes itself (${[...stack, name].join(" → ")}).`);
      if (stack.length >= MAX_SNIPPET_DEPTH) throw new AppError("INVALID", `Snippets are nested more than ${MAX_SNIPPET_DEPTH} deep at [${name}].`);
      out += text.slice(at, m.index) + snippetBodyToInsert(await expand(known.get(name)!, [...stack, name]));
      at = m.index + m[0].length;
    }
    return out + text.slice(at);
  };

  // The top level is walked here so that every expanded character maps to its `[name]` in the original.
  await load(sql);
  const segments: Segment[] = [];
  let out = "";
  let at = 0;
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    segments.push({ out: out.length, src: from, len: to - from, copied: true });
    out += sql.slice(from, to);
  };
  for (const m of snippetReferences(sql)) {
    if (!exists(m[1])) continue;
    copy(at, m.index);
    const body = snippetBodyToInsert(await expand(known.get(m[1])!, [m[1]]));
    if (body.length > 0) segments.push({ out: out.length, src: m.index, len: body.length, copied: false, srcLen: m[0].length });
    out += body;
    at = m.index + m[0].length;
  }
  copy(at, sql.length);
  return { sql: out, segments };
}

/** `[name]` → the snippet's SQL, nested up to MAX_SNIPPET_DEPTH; a cycle is an INVALID error. */
export async function expandSnippets(sql: string, lookup: SnippetLookup = lookupSnippetsInDb): Promise<string> {
  return (await expandSnippetsMapped(sql, lookup)).sql;
}
