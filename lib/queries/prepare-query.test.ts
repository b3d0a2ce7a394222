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

  it("maps the end of a query that ends with a parameter to that parameter", async () => {
    const sql = "select 1 where x = {{x}}";
    const prepared = await prepareQuery({ sql, values: { x: "a" } }, snippets({}));
    expect(prepared.text).toBe("select 1 where x = $1");
    expect(prepared.originalPosition(prepared.text.length + 1)).toBe(sql.indexOf("{{x}}") + 1);
  });

  it("drops a position past the end of the text", async () => {
    const prepared = await prepareQuery({ sql: "select 1" }, snippets({}));
    expect(prepared.originalPosition(20)).toBeUndefined();
    expect(prepared.originalPosition(0)).toBeUndefined();
  });
});
