import { describe, expect, it } from "vitest";
import { matchesInCode, sqlRegions } from "./sql-regions";

/** Each region as `kind:text`, to read the lexing at a glance. */
const lexed = (sql: string) => sqlRegions(sql).map((r) => `${r.kind}:${sql.slice(r.from, r.to)}`);

describe("sqlRegions", () => {
  it("splits code from string literals, quoted identifiers, dollar quotes and comments", () => {
    expect(lexed(`select 'a''b', "Col""x" from t -- note\nwhere $$it's$$ <> $tag$ $$ $tag$ /* a /* nested */ b */ and x = $1`)).toEqual([
      "code:select ",
      "string:'a''b'",
      "code:, ",
      'identifier:"Col""x"',
      "code: from t ",
      "comment:-- note",
      "code:\nwhere ",
      "string:$$it's$$",
      "code: <> ",
      "string:$tag$ $$ $tag$",
      "code: ",
      "comment:/* a /* nested */ b */",
      "code: and x = $1",
    ]);
  });

  it("reads backslash escapes only in E'' strings, and not after an identifier ending in e", () => {
    expect(lexed(String.raw`select E'it\'s', e'\\', 'a\' x`)).toEqual([
      "code:select ",
      String.raw`string:E'it\'s'`,
      "code:, ",
      String.raw`string:e'\\'`,
      "code:, ",
      String.raw`string:'a\'`,
      "code: x",
    ]);
    expect(lexed("select name'x'")).toEqual(["code:select name", "string:'x'"]);
  });

  it("does not take $1 or an identifier's $ for a dollar quote", () => {
    expect(lexed("select a$b$ from t where x = $1 and y = $2")).toEqual(["code:select a$b$ from t where x = $1 and y = $2"]);
  });

  it("runs an unterminated literal or comment to the end of the text", () => {
    expect(lexed("select 'abc")).toEqual(["code:select ", "string:'abc"]);
    expect(lexed("select 1 /* open")).toEqual(["code:select 1 ", "comment:/* open"]);
    expect(lexed("select $q$ open")).toEqual(["code:select ", "string:$q$ open"]);
    expect(lexed("")).toEqual([]);
  });
});

describe("matchesInCode", () => {
  it("finds matches in code only, with their index in the whole text", () => {
    const sql = "select {{a}}, '{{b}}' -- {{c}}\n, {{d}}";
    expect(matchesInCode(sql, /\{\{(\w+)\}\}/g).map((m) => [m[1], m.index])).toEqual([
      ["a", sql.indexOf("{{a}}")],
      ["d", sql.indexOf("{{d}}")],
    ]);
  });
});
