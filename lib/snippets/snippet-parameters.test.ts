import { describe, expect, it } from "vitest";
import { findParametersWithSnippets } from "./snippet-parameters";

describe("findParametersWithSnippets", () => {
  const snippets = new Map([
    ["recent", "created_at >= {{since}} [[and country = {{country}}]]"],
    ["paid", "plan <> 'free' and [recent]"],
    ["loop", "x = {{a}} and [loop]"],
  ]);

  it("lists the SQL's parameters, then those of the snippets it references, nested ones included", () => {
    expect(findParametersWithSnippets("select * from users where id = {{id}} and [paid] and [recent]", snippets)).toEqual([
      "id",
      "since",
      "country",
    ]);
  });

  it("ignores parameters and snippet references in comments and quotes", () => {
    expect(findParametersWithSnippets("select {{a}}, '[paid]' -- and [recent] and {{b}}\n", snippets)).toEqual(["a"]);
  });

  it("ignores unknown names and array subscripts, and stops at a snippet that includes itself", () => {
    expect(findParametersWithSnippets("select a[1], [nope] from t", snippets)).toEqual([]);
    expect(findParametersWithSnippets("select [loop]", snippets)).toEqual(["a"]);
  });

  it("finds only the SQL's own parameters before the snippets are loaded", () => {
    expect(findParametersWithSnippets("select {{x}} where [recent]", new Map())).toEqual(["x"]);
  });
});
