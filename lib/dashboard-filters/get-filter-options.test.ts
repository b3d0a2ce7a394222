import { describe, expect, it } from "vitest";
import { distinctOptions } from "./get-filter-options";

describe("distinctOptions", () => {
  it("keeps the first column's distinct values in the query's order, as text, without nulls or blanks", () => {
    expect(distinctOptions([["EMEA", 1], ["APAC", 2], ["EMEA", 3], [null], [""], [42], [true]])).toEqual({
      values: ["EMEA", "APAC", "42", "true"],
      truncated: false,
    });
  });

  it("caps the list and says so", () => {
    expect(distinctOptions([["a"], ["b"], ["a"], ["c"]], 2)).toEqual({ values: ["a", "b"], truncated: true });
    expect(distinctOptions([["a"], ["b"], ["a"], ["b"]], 2)).toEqual({ values: ["a", "b"], truncated: false });
  });
});
