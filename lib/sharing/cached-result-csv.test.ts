import { describe, expect, it } from "vitest";
import { cachedResultCsv, jsonbText, pgFloatText, pgTextOf } from "./cached-result-csv";

describe("pgFloatText", () => {
  // Expected values are what PostgreSQL 18 printed for the same numbers (\copy ... csv).
  it("prints float8 like PostgreSQL", () => {
    const cases: [number, string][] = [
      [1e15, "1e+15"],
      [1e14, "100000000000000"],
      [123456789012345.6, "123456789012345.6"],
      [0.0001, "0.0001"],
      [0.00001, "1e-05"],
      [1.5e-7, "1.5e-07"],
      [1e100, "1e+100"],
      [0.1 + 0.2, "0.30000000000000004"],
      [-0, "-0"],
      [1e21, "1e+21"],
      [12345678901234567890, "1.2345678901234567e+19"],
      [5e-324, "5e-324"],
      [-2.5, "-2.5"],
      [42, "42"],
    ];
    for (const [n, text] of cases) expect(pgFloatText(n, "float8")).toBe(text);
  });

  it("prints float4 with its own switch to exponents", () => {
    expect(pgFloatText(1.1, "float4")).toBe("1.1");
    expect(pgFloatText(1e6, "float4")).toBe("1e+06");
    expect(pgFloatText(1234567, "float4")).toBe("1.234567e+06");
    expect(pgFloatText(123456, "float4")).toBe("123456");
  });
});

describe("pgTextOf", () => {
  it("turns cached JSON back into PostgreSQL's text", () => {
    expect(pgTextOf(true, { dbType: "bool" })).toBe("t");
    expect(pgTextOf(false, { dbType: "bool" })).toBe("f");
    expect(pgTextOf(null, { dbType: "text" })).toBeNull();
    expect(pgTextOf(1e21, { dbType: "numeric" })).toBe("1000000000000000000000");
    expect(pgTextOf("12345678901234567890123", { dbType: "numeric" })).toBe("12345678901234567890123");
    expect(pgTextOf("2024-01-05T13:45:00.120Z", { dbType: "timestamptz" })).toBe("2024-01-05 13:45:00.12+00");
    expect(pgTextOf("2024-01-05T13:45:00.000Z", { dbType: "timestamptz" })).toBe("2024-01-05 13:45:00+00");
    expect(pgTextOf("infinity", { dbType: "timestamptz" })).toBe("infinity");
    expect(pgTextOf("2024-01-05T13:45:00.123456", { dbType: "timestamp" })).toBe("2024-01-05 13:45:00.123456");
    expect(pgTextOf("NaN", { dbType: "float8" })).toBe("NaN");
    expect(pgTextOf({ b: 1 }, { dbType: "json" })).toBe('{"b":1}');
  });

  it("writes jsonb in PostgreSQL's layout and key order", () => {
    // PostgreSQL printed {"a": [1, 2, {"x": null}], "b": 1, "10": "s", "aa": 1.50}; JSON keeps no trailing zero.
    const parsed = JSON.parse('{"a": [1, 2, {"x": null}], "b": 1, "10": "s", "aa": 1.50}');
    expect(jsonbText(parsed)).toBe('{"a": [1, 2, {"x": null}], "b": 1, "10": "s", "aa": 1.5}');
  });
});

describe("cachedResultCsv", () => {
  it("quotes like COPY", () => {
    const csv = cachedResultCsv(
      [
        { name: "name", dbType: "text" },
        { name: "n", dbType: "int4" },
      ],
      [
        ['say "hi", then go', 1],
        ["", null],
        ["line\nbreak", 2],
      ],
    );
    expect(csv).toBe('name,n\n"say ""hi"", then go",1\n"",\n"line\nbreak",2\n');
  });

  it("quotes \\. alone in a one-column row", () => {
    expect(cachedResultCsv([{ name: "x", dbType: "text" }], [["\\."]])).toBe('x\n"\\."\n');
  });
});
