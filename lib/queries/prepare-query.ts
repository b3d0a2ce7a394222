// SQL as the user wrote it → what the warehouse runs: snippets expanded, parameters compiled to $n.
import { AppError } from "@/lib/errors";
import { expandSnippetsMapped, type SnippetLookup } from "@/lib/snippets/expand-snippets";
import { compileSqlMapped, mapOffset, type ParameterSpec, type ParameterValue } from "./parameters";

export interface PreparedQuery {
  text: string;
  values: unknown[];
  /** PostgreSQL's 1-based error position in `text` → the 1-based position in the SQL as written. */
  originalPosition(position: number): number | undefined;
}

export async function prepareQuery(
  input: { sql: string; parameters?: ParameterSpec[]; values?: Record<string, ParameterValue> },
  lookup?: SnippetLookup,
): Promise<PreparedQuery> {
  const expanded = await expandSnippetsMapped(input.sql, lookup);
  let compiled: ReturnType<typeof compileSqlMapped>;
  try {
    compiled = compileSqlMapped(expanded.sql, input.parameters ?? [], input.values ?? {});
  } catch (e) {
    // A parameter error's position is in the text with snippets expanded: moved to the text as written.
    throw withPosition(e, (position) => (position >= 1 ? mapOffset(expanded.segments, position - 1) + 1 : undefined));
  }
  return {
    text: compiled.text,
    values: compiled.values,
    originalPosition(position) {
      if (!(position >= 1)) return undefined;
      const inExpanded = mapOffset(compiled.segments, position - 1);
      const inOriginal = mapOffset(expanded.segments, inExpanded);
      // `inOriginal === length` is PostgreSQL's "syntax error at end of input", one past the last character.
      return inOriginal <= input.sql.length ? inOriginal + 1 : undefined;
    },
  };
}

/** The same error with its position moved into the SQL as written (or dropped when it cannot be mapped). */
export function withOriginalPosition(e: unknown, prepared: PreparedQuery): unknown {
  return withPosition(e, (position) => prepared.originalPosition(position));
}

function withPosition(e: unknown, move: (position: number) => number | undefined): unknown {
  if (!(e instanceof AppError) || typeof e.details?.position !== "number") return e;
  const position = move(e.details.position);
  const details = { ...e.details, position };
  if (position === undefined) delete details.position;
  return new AppError(e.code, e.message, details);
}
