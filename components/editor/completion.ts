// SQL autocomplete without Monaco: what to suggest at a cursor position, given the data source's schema.
// Alias-aware: `u.` after `from demo.users u` offers exactly the columns of demo.users.

/** The part of the schema tree autocomplete needs (structurally a subset of lib/schema/types SchemaTree). */
export interface CompletionSchema {
  schemas: {
    name: string;
    tables: { name: string; kind?: string; comment?: string | null; columns: { name: string; type: string; comment?: string | null }[] }[];
  }[];
}

type CompletionTable = CompletionSchema["schemas"][number]["tables"][number];

export type CompletionKind = "keyword" | "schema" | "table" | "column" | "alias";

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  insertText: string;
  detail?: string;
  /** Lower sorts first. */
  sortKey: string;
}

export interface CompletionResult {
  items: CompletionItem[];
  /** Offset where the word being completed starts (the text from here to the cursor is replaced). */
  replaceFrom: number;
}

export const SQL_KEYWORDS = [
  "select", "from", "where", "group by", "order by", "having", "limit", "offset", "join", "left join", "right join",
  "inner join", "full outer join", "cross join", "on", "using", "as", "and", "or", "not", "in", "is", "null", "is not null",
  "like", "ilike", "between", "case", "when", "then", "else", "end", "distinct", "count", "sum", "avg", "min", "max",
  "coalesce", "nullif", "cast", "date_trunc", "extract", "interval", "current_date", "now()", "with", "union", "union all",
  "intersect", "except", "exists", "asc", "desc", "nulls first", "nulls last", "over", "partition by", "row_number()",
  "rank()", "lag", "lead", "true", "false", "filter", "values", "explain",
];

// Words that end a table reference: a name right after a table that is one of these is not its alias.
const NOT_ALIAS = new Set([
  "where", "join", "left", "right", "inner", "outer", "full", "cross", "natural", "on", "using", "group", "order", "having",
  "limit", "offset", "union", "intersect", "except", "window", "lateral", "as", "with", "select", "from", "and", "or",
  "fetch", "for", "returning", "set", "values", "tablesample",
]);

interface Token {
  text: string;
  kind: "ident" | "quoted" | "punct" | "other";
  start: number;
}

/** Tokens of SQL text, skipping strings and comments. Quoted identifiers keep their inner text. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "-" && sql[i + 1] === "-") {
      const nl = sql.indexOf("\n", i);
      i = nl === -1 ? sql.length : nl + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (c === "'") {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === "'" && sql[j + 1] === "'") j += 2;
        else if (sql[j] === "'") break;
        else j++;
      }
      tokens.push({ text: sql.slice(i, j + 1), kind: "other", start: i });
      i = j + 1;
    } else if (c === '"') {
      const end = sql.indexOf('"', i + 1);
      const j = end === -1 ? sql.length : end;
      tokens.push({ text: sql.slice(i + 1, j), kind: "quoted", start: i });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /[\w$]/.test(sql[j])) j++;
      tokens.push({ text: sql.slice(i, j), kind: "ident", start: i });
      i = j;
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /[\w.]/.test(sql[j])) j++;
      tokens.push({ text: sql.slice(i, j), kind: "other", start: i });
      i = j;
    } else {
      tokens.push({ text: c, kind: "punct", start: i });
      i++;
    }
  }
  return tokens;
}

/** [start, end) of the statement around `offset`: statements are separated by `;` outside strings and comments. */
export function statementBounds(sql: string, offset: number): { start: number; end: number } {
  let start = 0;
  for (const t of tokenize(sql)) {
    if (t.kind !== "punct" || t.text !== ";") continue;
    if (t.start < offset) start = t.start + 1;
    else return { start, end: t.start };
  }
  return { start, end: sql.length };
}

export interface TableRef {
  schema: string | null;
  table: string;
  alias: string | null;
}

const identName = (t: Token) => (t.kind === "quoted" ? t.text : t.text.toLowerCase());
const isName = (t: Token | undefined): t is Token => !!t && (t.kind === "ident" || t.kind === "quoted");

/** Tables referenced by FROM / JOIN clauses (and comma lists after FROM), with their aliases. */
export function findTableRefs(statement: string): TableRef[] {
  const tokens = tokenize(statement);
  const refs: TableRef[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "ident") continue;
    const word = t.text.toLowerCase();
    if (word !== "from" && word !== "join") continue;
    let j = i + 1;
    for (;;) {
      if (tokens[j]?.kind === "ident" && tokens[j].text.toLowerCase() === "lateral") j++;
      const first = tokens[j];
      if (!isName(first)) break;
      let schema: string | null = null;
      let table = identName(first);
      j++;
      if (tokens[j]?.text === "." && isName(tokens[j + 1])) {
        schema = table;
        table = identName(tokens[j + 1]);
        j += 2;
      }
      let alias: string | null = null;
      if (tokens[j]?.kind === "ident" && tokens[j].text.toLowerCase() === "as" && isName(tokens[j + 1])) {
        alias = identName(tokens[j + 1]);
        j += 2;
      } else if (isName(tokens[j]) && !(tokens[j].kind === "ident" && NOT_ALIAS.has(tokens[j].text.toLowerCase()))) {
        alias = identName(tokens[j]);
        j++;
      }
      refs.push({ schema, table, alias });
      // `from a x, b y`: another table follows a comma (only in a FROM list, not after a JOIN's ON).
      if (word === "from" && tokens[j]?.text === ",") {
        j++;
        continue;
      }
      break;
    }
  }
  return refs;
}

function findTable(schema: CompletionSchema, ref: { schema: string | null; table: string }, defaultSchema: string): { schema: string; table: CompletionTable } | null {
  const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (ref.schema) {
    const s = schema.schemas.find((x) => eq(x.name, ref.schema!));
    const t = s?.tables.find((x) => eq(x.name, ref.table));
    return s && t ? { schema: s.name, table: t } : null;
  }
  const ordered = [...schema.schemas].sort((a, b) => Number(eq(b.name, defaultSchema)) - Number(eq(a.name, defaultSchema)));
  for (const s of ordered) {
    const t = s.tables.find((x) => eq(x.name, ref.table));
    if (t) return { schema: s.name, table: t };
  }
  return null;
}

function columnItems(table: CompletionTable, owner: string): CompletionItem[] {
  return table.columns.map((c, i) => ({
    label: c.name,
    kind: "column" as const,
    insertText: quoteIfNeeded(c.name),
    detail: `${c.type} · ${owner}`,
    sortKey: `0${String(i).padStart(4, "0")}`,
  }));
}

function tableItems(s: CompletionSchema["schemas"][number], qualified: boolean): CompletionItem[] {
  return s.tables.map((t) => {
    const name = qualified ? `${quoteIfNeeded(s.name)}.${quoteIfNeeded(t.name)}` : quoteIfNeeded(t.name);
    return { label: qualified ? `${s.name}.${t.name}` : t.name, kind: "table" as const, insertText: name, detail: t.kind ?? "table", sortKey: `1${t.name}` };
  });
}

export function quoteIfNeeded(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/**
 * Suggestions at `offset` in `sql`. With a qualifier before the cursor (`u.`, `demo.`, `demo.users.`) only
 * what belongs to it; otherwise keywords, schemas, tables and the columns of the statement's tables.
 */
export function completionsAt(sql: string, offset: number, schema: CompletionSchema | null, defaultSchema = "public"): CompletionResult {
  const before = sql.slice(0, offset);
  const wordMatch = /[\w$]*$/.exec(before);
  const word = wordMatch ? wordMatch[0] : "";
  const replaceFrom = offset - word.length;
  const bounds = statementBounds(sql, offset);
  const statement = sql.slice(bounds.start, bounds.end);
  const tree = schema ?? { schemas: [] };

  // Qualifiers before the word: `a.` or `a.b.` (each part a plain or quoted name).
  const qual = /(?:("(?:[^"]|"")+"|[A-Za-z_][\w$]*)\.)?("(?:[^"]|"")+"|[A-Za-z_][\w$]*)\.$/.exec(before.slice(0, replaceFrom));
  if (qual) {
    const unquote = (s: string) => (s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s.toLowerCase());
    const outer = qual[1] ? unquote(qual[1]) : null;
    const inner = unquote(qual[2]);
    if (outer) {
      const found = findTable(tree, { schema: outer, table: inner }, defaultSchema);
      return { items: found ? columnItems(found.table, `${found.schema}.${found.table.name}`) : [], replaceFrom };
    }
    const refs = findTableRefs(statement);
    const aliased = refs.find((r) => r.alias !== null && r.alias.toLowerCase() === inner.toLowerCase());
    if (aliased) {
      const found = findTable(tree, aliased, defaultSchema);
      return { items: found ? columnItems(found.table, `${found.schema}.${found.table.name}`) : [], replaceFrom };
    }
    const byTableName = refs.find((r) => r.alias === null && r.table.toLowerCase() === inner.toLowerCase());
    if (byTableName) {
      const found = findTable(tree, byTableName, defaultSchema);
      if (found) return { items: columnItems(found.table, `${found.schema}.${found.table.name}`), replaceFrom };
    }
    const s = tree.schemas.find((x) => x.name.toLowerCase() === inner.toLowerCase());
    if (s) return { items: tableItems(s, false), replaceFrom };
    const anyTable = findTable(tree, { schema: null, table: inner }, defaultSchema);
    return { items: anyTable ? columnItems(anyTable.table, `${anyTable.schema}.${anyTable.table.name}`) : [], replaceFrom };
  }

  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const refs = findTableRefs(statement);
  for (const ref of refs) {
    const found = findTable(tree, ref, defaultSchema);
    if (!found) continue;
    for (const item of columnItems(found.table, ref.alias ?? `${found.schema}.${found.table.name}`)) {
      if (seen.has(`c:${item.label}`)) continue;
      seen.add(`c:${item.label}`);
      items.push(item);
    }
    if (ref.alias && !seen.has(`a:${ref.alias}`)) {
      seen.add(`a:${ref.alias}`);
      items.push({ label: ref.alias, kind: "alias", insertText: ref.alias, detail: `${found.schema}.${found.table.name}`, sortKey: `0${ref.alias}` });
    }
  }
  for (const s of tree.schemas) {
    items.push({ label: s.name, kind: "schema", insertText: quoteIfNeeded(s.name), detail: "schema", sortKey: `2${s.name}` });
    items.push(...tableItems(s, true));
    if (s.name.toLowerCase() === defaultSchema.toLowerCase()) items.push(...tableItems(s, false));
  }
  for (const k of SQL_KEYWORDS) items.push({ label: k, kind: "keyword", insertText: k, sortKey: `3${k}` });
  return { items, replaceFrom };
}
