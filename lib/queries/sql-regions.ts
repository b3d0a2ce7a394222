// Where SQL text is code and where it is a comment, a string literal or a quoted identifier, as PostgreSQL
// (and Redshift) lex it. Template syntax (`{{param}}`, `[[ ... ]]`, `[snippet]`) is only template syntax in
// code: a commented-out `-- and region = {{region}}` must not ask for a value, and the JSON literal
// `'[[1,2],[3,4]]'` or the array `array[[1,2],[3,4]]` must reach the warehouse as written.
// Pure and browser-safe (the editor finds parameters as the user types).

export type RegionKind = "code" | "comment" | "string" | "identifier";

/** `[from, to)` of the text; consecutive regions cover it without gaps. */
export interface Region {
  kind: RegionKind;
  from: number;
  to: number;
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
/** `$tag$` opening a dollar-quoted string: the tag is empty or an identifier that does not start with a digit. */
const DOLLAR_TAG = /\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

/**
 * The regions of `sql`. Unterminated strings and comments run to the end of the text (PostgreSQL will say
 * what is wrong with them). Standard-conforming strings are assumed: a backslash escapes only in `E'...'`.
 * (Redshift also reads `\'` as a quote inside a plain literal; such a literal is lexed as PostgreSQL would,
 * which matters only for template syntax later on the same line. `''` works on both.)
 */
export function sqlRegions(sql: string): Region[] {
  const regions: Region[] = [];
  let codeFrom = 0;
  let i = 0;
  const push = (kind: RegionKind, from: number, to: number) => {
    if (codeFrom < from) regions.push({ kind: "code", from: codeFrom, to: from });
    regions.push({ kind, from, to });
    codeFrom = to;
  };

  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    const afterIdentifier = i > 0 && IDENTIFIER_CHAR.test(sql[i - 1]);
    if (c === "-" && next === "-") {
      const start = i;
      const end = sql.indexOf("\n", i + 2);
      i = end === -1 ? sql.length : end;
      push("comment", start, i);
    } else if (c === "/" && next === "*") {
      const start = i;
      let depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql[i] === "/" && sql[i + 1] === "*") {
          depth++;
          i += 2;
        } else if (sql[i] === "*" && sql[i + 1] === "/") {
          depth--;
          i += 2;
        } else i++;
      }
      push("comment", start, i);
    } else if (c === "'") {
      // E'...' (also e'...'): the E is part of the literal, unless it ends an identifier (`name'`).
      const escapes = i > 0 && /[Ee]/.test(sql[i - 1]) && !(i > 1 && IDENTIFIER_CHAR.test(sql[i - 2]));
      const start = escapes ? i - 1 : i;
      i = endOfQuoted(sql, i, "'", escapes);
      push("string", start, i);
    } else if (c === '"') {
      const start = i;
      i = endOfQuoted(sql, i, '"', false);
      push("identifier", start, i);
    } else if (c === "$" && !afterIdentifier) {
      DOLLAR_TAG.lastIndex = i;
      const tag = DOLLAR_TAG.exec(sql);
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        const start = i;
        i = close === -1 ? sql.length : close + tag[0].length;
        push("string", start, i);
      } else i++;
    } else i++;
  }
  if (codeFrom < sql.length) regions.push({ kind: "code", from: codeFrom, to: sql.length });
  return regions;
}

/** The index just after the quote that closes the literal opened at `open` (doubled quotes stay inside). */
function endOfQuoted(sql: string, open: number, quote: string, backslashEscapes: boolean): number {
  let i = open + 1;
  while (i < sql.length) {
    if (backslashEscapes && sql[i] === "\\") i += 2;
    else if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

/**
 * The matches of `re` that lie wholly inside one code region of `sql`, in order, with `index` into `sql`.
 * Each region is matched on its own slice, so a long list of string literals costs one pass, not one per literal.
 */
export function matchesInCode(sql: string, re: RegExp, regions: Region[] = sqlRegions(sql)): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const global = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
  for (const r of regions) {
    if (r.kind !== "code") continue;
    for (const m of sql.slice(r.from, r.to).matchAll(global)) {
      m.index += r.from;
      out.push(m);
    }
  }
  return out;
}

/** The region that holds the character at `offset`. */
export function regionAt(regions: Region[], offset: number): Region | undefined {
  return regions.find((r) => offset >= r.from && offset < r.to);
}
