// Formats SQL with sql-formatter, keeping Spyglass's template syntax verbatim: `{{param}}`,
// `{{range.start}}`, `[snippet_name]` and optional clauses `[[ ... ]]`.
import { format } from "sql-formatter";

const TEMPLATE_TOKENS = [
  // An optional clause first, so its inner `{{param}}` stays part of it.
  String.raw`\[\[[\s\S]*?\]\]`,
  String.raw`\{\{\s*[A-Za-z_][\w.]*\s*\}\}`,
  String.raw`\[[A-Za-z_][\w]*\]`,
];

export function formatSql(sql: string): string {
  return format(sql, {
    language: "postgresql",
    keywordCase: "lower",
    functionCase: "lower",
    dataTypeCase: "lower",
    tabWidth: 2,
    paramTypes: { positional: false, numbered: ["$"], custom: TEMPLATE_TOKENS.map((regex) => ({ regex })) },
  });
}
