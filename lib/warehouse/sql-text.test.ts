import { describe, expect, it } from "vitest";
import { lineAndColumn, stripTrailingSemicolons } from "./sql-text";

describe("stripTrailingSemicolons", () => {
  it("removes trailing semicolons and whitespace only", () => {
    expect(stripTrailingSemicolons("select 1;")).toBe("select 1");
    expect(stripTrailingSemicolons("select ';'; ;\n ")).toBe("select ';'");
    expect(stripTrailingSemicolons("select 1; select 2")).toBe("select 1; select 2");
  });
});

describe("lineAndColumn", () => {
  it("turns a 1-based character position into line and column", () => {
    const sql = "select\n  nope\nfrom t";
    expect(lineAndColumn(sql, 1)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn(sql, 10)).toEqual({ line: 2, column: 3 });
    expect(lineAndColumn(sql, 15)).toEqual({ line: 3, column: 1 });
  });
});
