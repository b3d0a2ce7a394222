import { describe, expect, it } from "vitest";
import { isPlainQuery } from "./export-query-csv";

describe("isPlainQuery", () => {
  it("accepts reads after comments and whitespace", () => {
    expect(isPlainQuery("select 1")).toBe(true);
    expect(isPlainQuery("  -- users\n/* all */ WITH x AS (select 1) select * from x")).toBe(true);
    expect(isPlainQuery("values (1)")).toBe(true);
    expect(isPlainQuery("table demo.users")).toBe(true);
  });
  it("sends everything else down the cursor path", () => {
    expect(isPlainQuery("delete from demo.users")).toBe(false);
    expect(isPlainQuery("-- select\ndrop table x")).toBe(false);
    expect(isPlainQuery("selectx")).toBe(false);
  });
});
