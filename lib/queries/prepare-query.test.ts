import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { prepareQuery, withOriginalPosition } from "./prepare-query";

const snippets = (map: Record<string, string>) => async (names: string[]) =>
  new Map(names.filter((n) => n in map).map((n) => [n, map[n]] as [string, string]));

describe("prepareQuery error positions", () => {
  it("maps a position inside the text through parameters and snippets", async () => {
    const sql = "select {{a_long_name}}, nope from [t]";
    const prepared = await prepareQuery({ sql, values: { a_long_name: "x" } }, snippets({ t: "demo.users" }));
    expect(prepared.text).toBe("select $1, nope from demo.users");
    expect(prepared.originalPosition(prepared.text.indexOf("nope") + 1)).toBe(sql.indexOf("nope") + 1);
  });

  it("keeps PostgreSQL's 'at end of input' position, one past the last character", async () => {
    // PostgreSQL reports `syntax error at end of input` at length + 1.
    const sql = "select * from";
    const prepared = await prepareQuery({ sql }, snippets({}));
    expect(prepared.originalPosition(sql.length + 1)).toBe(sql.length + 1);
    const e = withOriginalPosition(new AppError("QUERY_FAILED", "syntax error at end of input", { position: sql.length + 1 }), prepared);
    expect((e as AppError).details).toEqual({ position: sql.length + 1 });
  });

  it("maps 'end of input' after a trailing parameter or snippet to the end of the text as written, not onto it", async () => {
    const sql = "select 1 where x in ({{x}}";
    const prepared = await prepareQuery({ sql, values: { x: "a" } }, snippets({}));
    expect(prepared.text).toBe("select 1 where x in ($1");
    expect(prepared.originalPosition(prepared.text.length + 1)).toBe(sql.length + 1);
    // Inside the parameter's `$1`, the position is the parameter's start.
    expect(prepared.originalPosition(prepared.text.length)).toBe(sql.indexOf("{{x}}") + 1);

    const expanded = await prepareQuery({ sql: "select 1 from [t]" }, snippets({ t: "demo.users where" }));
    expect(expanded.originalPosition(expanded.text.length + 1)).toBe("select 1 from [t]".length + 1);
  });

  it("puts a parameter error at the parameter as written, through snippets", async () => {
    const sql = "select [cols] from t where a = {{a}} and b = {{b}}";
    const failure = await prepareQuery({ sql, values: { a: "1" } }, snippets({ cols: "x, y" })).then(
      () => undefined,
      (e: unknown) => e as AppError,
    );
    expect(failure).toBeInstanceOf(AppError);
    expect(failure!.message).toBe("Parameter b needs a value");
    expect(failure!.details).toEqual({
      position: sql.indexOf("{{b}}") + 1,
      hint: "Fill in its input, give it a default, or put the clause in [[ ]] to leave it out while b is empty: [[ and x = {{b}} ]].",
    });

    const inSnippet = "select 1 from t where [recent]";
    const fromSnippet = await prepareQuery({ sql: inSnippet }, snippets({ recent: "created_at > {{since}}" })).then(
      () => undefined,
      (e: unknown) => e as AppError,
    );
    expect(fromSnippet!.message).toBe("Parameter since needs a value");
    expect(fromSnippet!.details?.position).toBe(inSnippet.indexOf("[recent]") + 1);
  });

  it("drops a position past the end of the text", async () => {
    const prepared = await prepareQuery({ sql: "select 1" }, snippets({}));
    expect(prepared.originalPosition(20)).toBeUndefined();
    expect(prepared.originalPosition(0)).toBeUndefined();
  });
});
