// Small, pure helpers on the SQL text a user sends.

/**
 * Removes trailing semicolons (and the whitespace around them) so that "select 1;" runs as one statement.
 * Only the end of the text changes, so PostgreSQL's error positions still point into the user's text.
 */
export function stripTrailingSemicolons(sql: string): string {
  return sql.replace(/[\s;]+$/, "");
}

/** 1-based line and column of a 1-based character position in `text` (PostgreSQL's error position). */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, position - 1));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
