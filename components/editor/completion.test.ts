import { describe, expect, it } from "vitest";
import { completionsAt, findTableRefs, statementBounds, type CompletionSchema } from "./completion";

const col = (name: string, type = "text") => ({ name, type, comment: null });
const schema: CompletionSchema = {
  schemas: [
    {
      name: "demo",
      tables: [
        { name: "users", kind: "table", comment: null, columns: [col("user_id", "int8"), col("username"), col("signup_date", "date"), col("signup_client")] },
        { name: "sessions", kind: "table", comment: null, columns: [col("session_id", "int8"), col("user_id", "int8"), col("client")] },
        { name: "photos", kind: "table", comment: null, columns: [col("photo_id", "int8")] },
      ],
    },
    { name: "public", tables: [{ name: "targets", kind: "view", comment: null, columns: [col("metric")] }] },
  ],
};

function at(sqlWithCursor: string) {
  const offset = sqlWithCursor.indexOf("|");
  const sql = sqlWithCursor.replace("|", "");
  return completionsAt(sql, offset, schema);
}
const labels = (sqlWithCursor: string) => at(sqlWithCursor).items.map((i) => i.label);

describe("completionsAt", () => {
  it("offers exactly the aliased table's columns after `u.`", () => {
    expect(labels("select u.| from demo.users u")).toEqual(["user_id", "username", "signup_date", "signup_client"]);
  });

  it("resolves `join ... as s`", () => {
    expect(labels("select u.user_id, s.| from demo.users u join demo.sessions as s on s.user_id = u.user_id")).toEqual([
      "session_id",
      "user_id",
      "client",
    ]);
  });

  it("replaces the partial word after the qualifier", () => {
    const r = at("select u.sig| from demo.users u");
    expect(r.replaceFrom).toBe("select u.".length);
    expect(r.items.map((i) => i.label)).toContain("signup_client");
  });

  it("offers the tables of a schema after `demo.`", () => {
    expect(labels("select * from demo.|")).toEqual(["users", "sessions", "photos"]);
  });

  it("offers columns after `schema.table.`", () => {
    expect(labels("select demo.sessions.| from demo.sessions")).toEqual(["session_id", "user_id", "client"]);
  });

  it("uses the current statement's aliases only", () => {
    expect(labels("select * from demo.photos u; select u.| from demo.users u")).toContain("signup_client");
    expect(labels("select u.| from demo.photos u; select * from demo.users u")).toEqual(["photo_id"]);
  });

  it("without a qualifier offers columns of the statement's tables, tables, schemas and keywords", () => {
    const l = labels("select | from demo.users");
    expect(l).toEqual(expect.arrayContaining(["user_id", "signup_client", "demo", "demo.users", "demo.sessions", "public", "targets", "select", "group by"]));
    expect(l).not.toContain("session_id");
  });

  it("an unknown qualifier offers nothing", () => {
    expect(labels("select x.| from demo.users u")).toEqual([]);
  });
});

describe("findTableRefs", () => {
  it("reads aliases with and without AS, comma lists, and stops at keywords", () => {
    expect(findTableRefs("select * from demo.users u, demo.photos as p left join sessions where 1=1")).toEqual([
      { schema: "demo", table: "users", alias: "u" },
      { schema: "demo", table: "photos", alias: "p" },
      { schema: null, table: "sessions", alias: null },
    ]);
  });

  it("ignores FROM inside strings and comments", () => {
    expect(findTableRefs("select 'from demo.x y' -- from demo.z w\nfrom demo.users")).toEqual([{ schema: "demo", table: "users", alias: null }]);
  });
});

describe("statementBounds", () => {
  it("finds the statement around the cursor, ignoring ; in strings", () => {
    const sql = "select ';'; select 2";
    expect(statementBounds(sql, 3)).toEqual({ start: 0, end: 10 });
    expect(statementBounds(sql, sql.length)).toEqual({ start: 11, end: sql.length });
  });
});
