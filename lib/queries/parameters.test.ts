import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { compileSql, compileSqlMapped, findParameters, mapOffset } from "./parameters";

function error(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected an error");
}

describe("findParameters", () => {
  it("lists distinct names in order of first use, date ranges by base name, optional blocks included", () => {
    expect(findParameters("select {{b}}, {{ a }}, {{b}} where d between {{r.start}} and {{r.end}} [[ and c = {{c}} ]]")).toEqual([
      "b",
      "a",
      "r",
      "c",
    ]);
    expect(findParameters("select '{{' || x || '}}', {{1x}}, {{_ok9}}")).toEqual(["_ok9"]);
  });
});

describe("compileSql", () => {
  it("binds values as $n and reuses the same $n for the same parameter", () => {
    expect(compileSql("select {{a}}, {{b}}, {{ a }}", [], { a: "x", b: "y" })).toEqual({ text: "select $1, $2, $1", values: ["x", "y"] });
  });

  it("types values: number, date, date range, list, text", () => {
    const specs = [
      { name: "n", type: "number" as const },
      { name: "d", type: "date" as const },
      { name: "r", type: "date_range" as const },
      { name: "ids", type: "list" as const },
      { name: "t", type: "text" as const },
    ];
    expect(
      compileSql("select {{n}}, {{d}}, {{r.start}}, {{r.end}}, id = any({{ids}}), {{t}}", specs, {
        n: "42.5",
        d: "2024-02-29",
        r: { start: "2024-01-01", end: "2024-01-31" },
        ids: ["1", "2"],
        t: "hello",
      }),
    ).toEqual({ text: "select $1, $2, $3, $4, id = any($5), $6", values: [42.5, "2024-02-29", "2024-01-01", "2024-01-31", ["1", "2"], "hello"] });
  });

  it("rejects values of the wrong type", () => {
    expect(error(() => compileSql("select {{n}}", [{ name: "n", type: "number" }], { n: "abc" })).message).toBe("Parameter n must be a number");
    expect(error(() => compileSql("select {{d}}", [{ name: "d", type: "date" }], { d: "2024-02-30" })).message).toBe(
      "Parameter d must be a date (YYYY-MM-DD)",
    );
    expect(error(() => compileSql("select {{r}}", [{ name: "r", type: "date_range" }], { r: { start: "2024-01-01", end: "2024-01-02" } })).code).toBe(
      "INVALID",
    );
  });

  it("drops optional blocks whose parameter is empty and keeps the others without brackets", () => {
    const sql = "select * from t where true [[ and a = {{a}} ]] [[and b = any({{b}})]] [[and c = {{c}}]]";
    expect(compileSql(sql, [{ name: "b", type: "list" }], { a: "x", b: [], c: null })).toEqual({
      text: "select * from t where true  and a = $1   ",
      values: ["x"],
    });
    expect(compileSql(sql, [], { a: "", b: ["1"], c: 3 })).toEqual({
      text: "select * from t where true  and b = any($1) and c = $2",
      values: [["1"], 3],
    });
  });

  it("requires parameters outside optional blocks, unless they have a default", () => {
    expect(error(() => compileSql("select {{x}}", [], {})).message).toBe("Parameter x needs a value");
    expect(error(() => compileSql("select {{x}}", [{ name: "x", type: "text" }], { x: "" })).code).toBe("INVALID");
    expect(compileSql("select {{x}}", [{ name: "x", type: "number", default: 7 }], {})).toEqual({ text: "select $1", values: [7] });
  });

  it("never puts a value into the text", () => {
    const hostile = "'; drop table users; --";
    const compiled = compileSql("select {{v}}::text as v where {{v}} = any({{l}})", [], { v: hostile, l: [hostile] });
    expect(compiled.text).toBe("select $1::text as v where $1 = any($2)");
    expect(compiled.values).toEqual([hostile, [hostile]]);
  });

  it("maps offsets in the compiled text back to the SQL as written", () => {
    const sql = "select {{long_name}}, nope [[, {{x}}]]";
    const { text, segments } = compileSqlMapped(sql, [], { long_name: 1, x: 2 });
    expect(text).toBe("select $1, nope , $2");
    expect(mapOffset(segments, text.indexOf("nope"))).toBe(sql.indexOf("nope"));
    expect(mapOffset(segments, text.indexOf("$2"))).toBe(sql.indexOf("{{x}}"));
    expect(mapOffset(segments, text.indexOf("$1") + 1)).toBe(sql.indexOf("{{long_name}}"));
  });
});

describe("NUL characters", () => {
  it("are refused in text and list values with a message that names the parameter", () => {
    expect(error(() => compileSql("select {{t}}", [{ name: "t", type: "text" }], { t: "a\u0000b" })).message).toBe(
      "Parameter t contains a NUL character (\\0), which PostgreSQL text cannot hold: remove it.",
    );
    expect(error(() => compileSql("select {{l}}", [{ name: "l", type: "list" }], { l: ["ok", "\u0000"] })).message).toBe(
      "Parameter l contains a NUL character (\\0), which PostgreSQL text cannot hold: remove it.",
    );
  });
});

describe("template syntax outside code", () => {
  it("ignores placeholders and optional blocks in comments: a commented-out line asks for no value", () => {
    const sql = "select * from t\n-- where region = {{region}}\n/* [[ and b = {{b}} ]] */ where a = {{a}}";
    expect(findParameters(sql)).toEqual(["a"]);
    expect(compileSql(sql, [], { a: 1 })).toEqual({
      text: "select * from t\n-- where region = {{region}}\n/* [[ and b = {{b}} ]] */ where a = $1",
      values: [1],
    });
  });

  it("keeps double brackets that hold no placeholder as written: arrays and JSON", () => {
    const sql = "select array[[1,2],[3,4]], '[[1,2],[3,4]]'::jsonb, $j$[[5]]$j$::jsonb";
    expect(compileSql(sql, [], {})).toEqual({ text: sql, values: [] });
  });

  it("ends an optional block at the first ]] in code, not one inside a string", () => {
    const sql = "select 1 where true [[ and a = ']]' and b = {{b}} ]] and c";
    expect(compileSql(sql, [], { b: 2 })).toEqual({ text: "select 1 where true  and a = ']]' and b = $1  and c", values: [2] });
    expect(compileSql(sql, [], {})).toEqual({ text: "select 1 where true  and c", values: [] });
  });

  it("refuses a placeholder inside quotes, at its position, with how to write it", () => {
    const sql = "select * from t where name like '%{{name}}%'";
    const e = error(() => compileSql(sql, [], { name: "ada" }));
    expect(e.code).toBe("INVALID");
    expect(e.message).toBe(
      "{{name}} is inside quotes, where the warehouse would read it as text. Parameters are sent as values, not pasted into the SQL: remove the quotes around it (name = {{name}}).",
    );
    expect(e.details).toEqual({ position: sql.indexOf("{{name}}") + 1, hint: "To put text around a value, join it: like '%' || {{name}} || '%'." });
    expect(findParameters(sql)).toEqual([]);

    const quotedIdentifier = error(() => compileSql('select "{{col}}" from t', [], { col: "x" }));
    expect(quotedIdentifier.details).toEqual({ position: 9, hint: "A parameter can only stand for a value, not for a column or table name." });
  });

  it("marks a parameter's value error at the placeholder", () => {
    const sql = "select 1 where a = {{a}} and n = {{n}}";
    const e = error(() => compileSql(sql, [{ name: "n", type: "number" }], { a: "x", n: "ten" }));
    expect(e.message).toBe("Parameter n must be a number");
    expect(e.details).toEqual({ position: sql.indexOf("{{n}}") + 1 });
  });
});
