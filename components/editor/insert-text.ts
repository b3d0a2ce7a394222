// What the schema browser and the snippet picker insert at the cursor: the name, with a space where it
// would otherwise run into the word beside it (`from users` + click `id` → `from users id`, not `usersid`).
// After `.` or `(`, or next to a space, nothing is added: `u.` + `amount` is `u.amount`.

/** A character that a name would join with: letters, digits, `_`, `$`, a closing quote, bracket or paren. */
const JOINS_BEFORE = /[\p{L}\p{N}_$"\])]/u;
/** A character a name would join with when it comes right after the inserted text. */
const JOINS_AFTER = /[\p{L}\p{N}_$"[(]/u;

/** `text` with a space before and/or after where it would touch a word; `before`/`after` are the neighbours. */
export function spacedInsertion(before: string, text: string, after: string): string {
  if (text === "") return text;
  const lead = before !== "" && JOINS_BEFORE.test(before) && JOINS_AFTER.test(text[0]!) ? " " : "";
  const trail = after !== "" && JOINS_AFTER.test(after) && JOINS_BEFORE.test(text[text.length - 1]!) ? " " : "";
  return lead + text + trail;
}
