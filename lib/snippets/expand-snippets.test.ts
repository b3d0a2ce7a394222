import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { mapOffset } from "@/lib/queries/parameters";
import { expandSnippets, expandSnippetsMapped, type SnippetLookup } from "./expand-snippets";

function lookupFrom(snippets: Record<string, string>): SnippetLookup {
  return async (names) => new Map(names.filter((n) => n in snippets).map((n) => [n, snippets[n]]));
}

describe("expandSnippets", () => {
  it("replaces [name] with the snippet's SQL and leaves other brackets alone", async () => {
    const lookup = lookupFrom({ paid_users: "select user_id from users where subscription_type <> 'free'" });
    expect(await expandSnippets("select count(*) from ([paid_users]) p where tags[1] = 'x' and [unknown] [[and a = {{a}}]]", lookup)).toBe(
      "select count(*) from (select user_id from users where subscription_type <> 'free') p where tags[1] = 'x' and [unknown] [[and a = {{a}}]]",
    );
  });

  it("leaves [name] in comments and string literals alone", async () => {
    const lookup = lookupFrom({ paid_users: "select 1", draft: "oops" });
    const sql = "select '[draft]' as label -- from [paid_users]\nfrom ([paid_users]) p /* [draft] */";
    expect(await expandSnippets(sql, lookup)).toBe("select '[draft]' as label -- from [paid_users]\nfrom (select 1) p /* [draft] */");
  });

  it("ends a snippet that ends in a -- comment with a line break, so the comment does not swallow the rest of the line", async () => {
    const lookup = lookupFrom({ active: "last_seen > now() - interval '30 days' -- active = seen in 30 days", inner: "x = 1 -- [active]" });
    expect(await expandSnippets("select * from users where [active] and plan = 'pro'", lookup)).toBe(
      "select * from users where last_seen > now() - interval '30 days' -- active = seen in 30 days\n and plan = 'pro'",
    );
    expect(await expandSnippets("select 1 where ([inner]) and y", lookup)).toBe("select 1 where (x = 1 -- [active]\n) and y");
  });

  it("expands nested snippets", async () => {
    const lookup = lookupFrom({ a: "([b] + 1)", b: "([c] * 2)", c: "x" });
    expect(await expandSnippets("select [a], [b]", lookup)).toBe("select ((x * 2) + 1), (x * 2)");
  });

  it("refuses cycles and nesting deeper than 5", async () => {
    const cycle = lookupFrom({ a: "[b]", b: "[a]" });
    const e = await expandSnippets("select [a]", cycle).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("INVALID");
    expect((e as AppError).message).toBe("Snippet [a] includes itself (a → b → a).");
    const deep = lookupFrom({ s1: "[s2]", s2: "[s3]", s3: "[s4]", s4: "[s5]", s5: "[s6]", s6: "1" });
    expect(((await expandSnippets("[s1]", deep).catch((x: unknown) => x)) as AppError).message).toBe("Snippets are nested more than 5 deep at [s6].");
    expect(await expandSnippets("[s2]", deep)).toBe("1");
  });

  it("maps positions in the expanded SQL back to the SQL as written", async () => {
    const sql = "select [s], nope";
    const { sql: out, segments } = await expandSnippetsMapped(sql, lookupFrom({ s: "1 + 2 + 3" }));
    expect(out).toBe("select 1 + 2 + 3, nope");
    expect(mapOffset(segments, out.indexOf("nope"))).toBe(sql.indexOf("nope"));
    expect(mapOffset(segments, out.indexOf("3"))).toBe(sql.indexOf("[s]"));
  });
});
