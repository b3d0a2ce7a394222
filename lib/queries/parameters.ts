// Query parameters: `{{name}}` placeholders compiled to bound `$n` parameters, `[[ ... ]]` optional clauses.
// Pure and browser-safe (the editor imports it to find parameters as the user types).
//
// Template syntax is recognized in code only (lib/queries/sql-regions.ts): in a comment it is left alone, so
// a commented-out line asks for no value; `[[` and `]]` inside a string literal are just text; and a
// placeholder inside quotes (`'{{x}}'`) is refused with the fix, because a bound `$1` inside a literal is the
// text "$1", not the value. A value is never spliced into the text; only `$n` markers are.
import { AppError } from "@/lib/errors";
import { matchesInCode, sqlRegions, type Region } from "./sql-regions";

export type ParameterType = "text" | "number" | "date" | "date_range" | "list";

export interface ParameterSpec {
  name: string;
  type: ParameterType;
  default?: ParameterValue;
}

export type ParameterValue = string | number | string[] | { start: string; end: string } | null;

/** `{{ name }}`, `{{name.start}}`, `{{name.end}}`. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)(?:\.(start|end))?\s*\}\}/g;
/** The same, for a first match only (exec without lastIndex state). */
const FIRST_PLACEHOLDER = new RegExp(PLACEHOLDER.source);
const PLACEHOLDER_AT = new RegExp(PLACEHOLDER.source, "y");

/** The length of the `{{placeholder}}` written at `index` of `text` (in code or not), or 0. */
export function placeholderLengthAt(text: string, index: number): number {
  PLACEHOLDER_AT.lastIndex = index;
  return PLACEHOLDER_AT.exec(text)?.[0].length ?? 0;
}

/** Where the parameters are: each `{{placeholder}}` in code, as `[from, to)` with its parameter's name. */
export function findPlaceholders(sql: string): Array<{ name: string; from: number; to: number }> {
  return matchesInCode(sql, PLACEHOLDER).map((m) => ({ name: m[1], from: m.index, to: m.index + m[0].length }));
}

/**
 * Distinct parameter names in order of first use (date ranges by their base name), optional blocks included.
 * Placeholders in comments and in quotes are not parameters (compileSql refuses the quoted ones).
 */
export function findParameters(sql: string): string[] {
  const names: string[] = [];
  for (const { name } of findPlaceholders(sql)) if (!names.includes(name)) names.push(name);
  return names;
}

/**
 * A piece of the output text and where it came from. Copied pieces map character by character; a
 * replaced piece (a placeholder, a snippet) maps every character to the start of what it replaced.
 */
export interface Segment {
  out: number;
  src: number;
  len: number;
  copied: boolean;
  /** Length of what a replaced piece replaced, so that "end of input" just after it maps to its end. */
  srcLen?: number;
}

/** The offset in the source text of an offset in the output text described by `segments`. */
export function mapOffset(segments: Segment[], outOffset: number): number {
  for (const s of segments) {
    if (outOffset >= s.out && outOffset < s.out + s.len) return s.copied ? s.src + (outOffset - s.out) : s.src;
  }
  const last = segments[segments.length - 1];
  return last ? last.src + (last.copied ? last.len : (last.srcLen ?? 0)) + Math.max(0, outOffset - (last.out + last.len)) : outOffset;
}

export interface CompiledSql {
  text: string;
  values: unknown[];
}

/** compileSql plus the map from the compiled text back to the text as written (for error positions). */
export function compileSqlMapped(
  sql: string,
  specs: ParameterSpec[],
  values: Record<string, ParameterValue>,
): CompiledSql & { segments: Segment[] } {
  const specByName = new Map(specs.map((s) => [s.name, s]));
  const bound: unknown[] = [];
  const indexByKey = new Map<string, number>();
  const segments: Segment[] = [];
  let text = "";

  const copy = (from: number, to: number) => {
    if (to <= from) return;
    segments.push({ out: text.length, src: from, len: to - from, copied: true });
    text += sql.slice(from, to);
  };
  // Errors about one placeholder carry its 1-based position, so the editor marks it.
  const resolve = (m: RegExpExecArray) => atPlaceholder(m, () => resolvePlaceholder(m[1], m[2], specByName.get(m[1]), values));

  const regions = sqlRegions(sql);
  rejectQuotedPlaceholders(sql, regions);
  const placeholders = matchesInCode(sql, PLACEHOLDER, regions);
  const within = (from: number, to: number) => placeholders.filter((m) => m.index >= from && m.index + m[0].length <= to);

  // Placeholders in the span [from, to) of `sql`, compiled into the output.
  const emit = (from: number, to: number) => {
    let at = from;
    for (const m of within(from, to)) {
      copy(at, m.index);
      const key = m[2] ? `${m[1]}.${m[2]}` : m[1];
      let n = indexByKey.get(key);
      if (n === undefined) {
        const value = resolve(m);
        if (value === undefined) {
          throw new AppError("INVALID", `Parameter ${m[1]} needs a value`, {
            position: m.index + 1,
            hint: `Fill in its input, give it a default, or put the clause in [[ ]] to leave it out while ${m[1]} is empty: [[ and x = {{${m[1]}}} ]].`,
          });
        }
        bound.push(value);
        n = bound.length;
        indexByKey.set(key, n);
      }
      const marker = `$${n}`;
      segments.push({ out: text.length, src: m.index, len: marker.length, copied: false, srcLen: m[0].length });
      text += marker;
      at = m.index + m[0].length;
    }
    copy(at, to);
  };

  let at = 0;
  for (const block of optionalBlocks(sql, regions, placeholders)) {
    emit(at, block.from);
    const innerFrom = block.from + 2;
    const innerTo = block.to - 2;
    const keep = within(innerFrom, innerTo).every((m) => resolve(m) !== undefined);
    if (keep) emit(innerFrom, innerTo);
    at = block.to;
  }
  emit(at, sql.length);
  return { text, values: bound, segments };
}

/**
 * Optional blocks `[[ ... ]]` (not nested): a `[[` in code up to the next `]]` in code. Only a span with a
 * placeholder in it is an optional block: `array[[1,2],[3,4]]` is a two-dimensional array, kept as written.
 */
function optionalBlocks(sql: string, regions: Region[], placeholders: RegExpExecArray[]): Array<{ from: number; to: number }> {
  const opens = matchesInCode(sql, /\[\[/g, regions);
  const closes = matchesInCode(sql, /\]\]/g, regions);
  const blocks: Array<{ from: number; to: number }> = [];
  let after = 0;
  for (const open of opens) {
    if (open.index < after) continue;
    const close = closes.find((c) => c.index >= open.index + 2);
    if (!close) break;
    const to = close.index + 2;
    if (!placeholders.some((m) => m.index > open.index && m.index < to)) continue;
    blocks.push({ from: open.index, to });
    after = to;
  }
  return blocks;
}

/** A placeholder inside a string literal or a quoted identifier is refused, with how to write it instead. */
function rejectQuotedPlaceholders(sql: string, regions: Region[]) {
  for (const r of regions) {
    if (r.kind !== "string" && r.kind !== "identifier") continue;
    const m = FIRST_PLACEHOLDER.exec(sql.slice(r.from, r.to));
    if (!m) continue;
    const written = m[2] ? `{{${m[1]}.${m[2]}}}` : `{{${m[1]}}}`;
    throw new AppError(
      "INVALID",
      `${written} is inside quotes, where the warehouse would read it as text. Parameters are sent as values, not pasted into the SQL: remove the quotes around it (${m[1]} = ${written}).`,
      {
        position: r.from + m.index + 1,
        hint: r.kind === "string" ? `To put text around a value, join it: like '%' || ${written} || '%'.` : "A parameter can only stand for a value, not for a column or table name.",
      },
    );
  }
}

/** Runs `fn`, giving an INVALID error it throws the position of the placeholder `m` (1-based). */
function atPlaceholder<T>(m: RegExpExecArray, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError && e.code === "INVALID" && e.details?.position === undefined) {
      throw new AppError(e.code, e.message, { ...e.details, position: m.index + 1 });
    }
    throw e;
  }
}

/**
 * `{{x}}` → `$n` with the value bound and typed; the same placeholder reused gets the same `$n`.
 * `[[ ... ]]` is dropped when any parameter inside is empty (null, "", []), else kept without brackets.
 */
export function compileSql(sql: string, specs: ParameterSpec[], values: Record<string, ParameterValue>): CompiledSql {
  const { text, values: bound } = compileSqlMapped(sql, specs, values);
  return { text, values: bound };
}

function isEmpty(v: ParameterValue | undefined): boolean {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

function inferType(v: ParameterValue | undefined): ParameterType {
  if (Array.isArray(v)) return "list";
  if (typeof v === "number") return "number";
  if (v && typeof v === "object") return "date_range";
  return "text";
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDate(name: string, v: unknown): string {
  const m = typeof v === "string" ? DATE.exec(v.trim()) : null;
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new AppError("INVALID", `Parameter ${name} must be a date (YYYY-MM-DD)`);
  }
  return m[0];
}

/** The bound value of one placeholder, or undefined when the parameter is empty (and has no default). */
function resolvePlaceholder(
  name: string,
  part: string | undefined,
  spec: ParameterSpec | undefined,
  values: Record<string, ParameterValue>,
): unknown {
  let raw: ParameterValue | undefined = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
  if (isEmpty(raw)) raw = spec?.default;
  const type = spec?.type ?? inferType(raw);

  if (type === "date_range") {
    if (!part) throw new AppError("INVALID", `Parameter ${name} is a date range: use {{${name}.start}} and {{${name}.end}}`);
    if (isEmpty(raw)) return undefined;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      throw new AppError("INVALID", `Parameter ${name} must be a date range`);
    }
    const end = part === "start" ? raw.start : raw.end;
    return end === "" || end === undefined || end === null ? undefined : checkDate(name, end);
  }
  if (part) throw new AppError("INVALID", `Parameter ${name} is not a date range: {{${name}.${part}}} is not allowed`);
  if (isEmpty(raw)) return undefined;

  switch (type) {
    case "number": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
      if (!Number.isFinite(n)) throw new AppError("INVALID", `Parameter ${name} must be a number`);
      return n;
    }
    case "date":
      return checkDate(name, raw);
    case "list": {
      const list = Array.isArray(raw) ? raw : [raw];
      return list.map((v) => checkText(name, typeof v === "string" || typeof v === "number" ? String(v) : JSON.stringify(v)));
    }
    case "text":
    default:
      if (typeof raw === "string") return checkText(name, raw);
      if (typeof raw === "number") return String(raw);
      throw new AppError("INVALID", `Parameter ${name} must be text`);
  }
}

/** PostgreSQL text cannot hold a NUL character: said here, instead of "invalid byte sequence for encoding". */
function checkText(name: string, text: string): string {
  if (text.includes("\u0000")) throw new AppError("INVALID", `Parameter ${name} contains a NUL character (\\0), which PostgreSQL text cannot hold: remove it.`);
  return text;
}
