// The words of a search and the piece of matching text shown under each result. Pure: used by the server
// to build results and by tests; the browser only renders the segments (as text, never as HTML).

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 8;

/** The distinct words of a query, in order; a result must contain every one of them. */
export function queryWords(query: string): string[] {
  const seen = new Map<string, string>();
  for (const w of query.slice(0, MAX_QUERY_LENGTH).split(/\s+/)) {
    // Quotes around a phrase are noise here: each word is looked for on its own.
    const word = w.replace(/^["'“”‘’]+|["'“”‘’]+$/g, "");
    if (word && !seen.has(word.toLowerCase())) seen.set(word.toLowerCase(), word);
  }
  return [...seen.values()].slice(0, MAX_QUERY_WORDS);
}

/** `%word%` for ILIKE with the pattern characters of the word taken literally (backslash is the escape). */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function wordsRegExp(words: string[]): RegExp | null {
  if (words.length === 0) return null;
  // Longest first, so "revenue" wins over "rev" at the same place.
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(alternatives.join("|"), "giu");
}

/** Whether `text` contains `word`, ignoring case (as ILIKE does). */
export function containsWord(text: string, word: string): boolean {
  return new RegExp(escapeRegExp(word), "iu").test(text);
}

export interface Segment {
  text: string;
  match: boolean;
}

/** Splits text into matching and non-matching pieces, for <mark>ing the words of the query. */
export function highlight(text: string, words: string[]): Segment[] {
  const re = wordsRegExp(words);
  if (!re || !text) return text ? [{ text, match: false }] : [];
  const segments: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    if (m[0].length === 0) continue;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: m[0], match: true });
    last = start + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/** Markdown and SQL read as one line of plain words: emphasis, heading marks and code ticks dropped. */
export function plainText(text: string, kind: "markdown" | "plain"): string {
  let t = text;
  if (kind === "markdown") t = t.replace(/^\s{0,3}#{1,6}\s+/gm, "").replace(/\*\*|__|`/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
  return t.replace(/\s+/g, " ").trim();
}

/**
 * Up to about `width` characters of `text` around the first place a word of the query occurs, cut at
 * word boundaries, with "…" where text was left out, split into highlighted segments. Without any
 * occurrence, the start of the text (unhighlighted) when `fallbackToStart`, else null.
 */
export function snippet(text: string, words: string[], width = 160, fallbackToStart = false): Segment[] | null {
  if (!text) return null;
  const re = wordsRegExp(words);
  const first = re ? re.exec(text) : null;
  if (!first && !fallbackToStart) return null;
  const at = first?.index ?? 0;
  let start = Math.max(0, at - Math.floor(width / 4));
  let end = Math.min(text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  if (start > 0) {
    const space = text.indexOf(" ", start);
    if (space !== -1 && space < at) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > at + (first?.[0].length ?? 0)) end = space;
  }
  const piece = text.slice(start, end);
  const segments = highlight(piece, first ? words : []);
  if (start > 0) segments.unshift({ text: "…", match: false });
  if (end < text.length) segments.push({ text: "…", match: false });
  return mergeAdjacent(segments);
}

function mergeAdjacent(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const prev = out[out.length - 1];
    if (prev && prev.match === s.match) prev.text += s.text;
    else out.push({ ...s });
  }
  return out;
}
