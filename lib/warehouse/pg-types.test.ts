import { describe, expect, it } from "vitest";
import { canonicalDecimal, columnType, getTypeParser, OID, parseExactNumber, parseTimestamptz } from "./pg-types";

const parse = (oid: number, text: string) => getTypeParser(oid, "text")(text);

describe("canonicalDecimal", () => {
  it.each([
    ["1.50", "1.5"],
    ["001", "1"],
    ["-0.0", "0"],
    ["100.00", "100"],
    ["+12", "12"],
    ["1e+21", "1000000000000000000000"],
    ["1e-7", "0.0000001"],
    ["-1.25e2", "-125"],
    [".5", "0.5"],
  ])("%s → %s", (input, expected) => expect(canonicalDecimal(input)).toBe(expected));

  it("rejects non-numbers", () => {
    expect(canonicalDecimal("NaN")).toBeNull();
    expect(canonicalDecimal("")).toBeNull();
    expect(canonicalDecimal("1.2.3")).toBeNull();
  });
});

describe("value conversion", () => {
  it("int2/int4/float become numbers", () => {
    expect(parse(OID.int2, "-7")).toBe(-7);
    expect(parse(OID.int4, "2147483647")).toBe(2147483647);
    expect(parse(OID.float8, "0.1")).toBe(0.1);
    expect(parse(OID.float4, "1.5e10")).toBe(1.5e10);
    expect(parse(OID.float8, "NaN")).toBe("NaN");
    expect(parse(OID.float8, "Infinity")).toBe("Infinity");
  });

  it("int8 and numeric become numbers only when exact", () => {
    expect(parse(OID.int8, "42")).toBe(42);
    expect(parse(OID.int8, "9007199254740991")).toBe(9007199254740991);
    expect(parse(OID.int8, "9007199254740993")).toBe("9007199254740993");
    expect(parse(OID.int8, "-9223372036854775808")).toBe("-9223372036854775808");
    expect(parse(OID.numeric, "12.50")).toBe(12.5);
    expect(parse(OID.numeric, "0.1")).toBe(0.1);
    expect(parse(OID.numeric, "1234567890.123456789")).toBe("1234567890.123456789");
    expect(parse(OID.numeric, "NaN")).toBe("NaN");
    expect(parseExactNumber("0.00000010")).toBe(1e-7);
  });

  it("dates and timestamps become ISO strings", () => {
    expect(parse(OID.date, "2024-01-05")).toBe("2024-01-05");
    expect(parse(OID.timestamp, "2024-01-05 13:45:00.123456")).toBe("2024-01-05T13:45:00.123456");
    expect(parse(OID.timestamp, "infinity")).toBe("infinity");
    expect(parse(OID.timestamptz, "2024-01-05 13:45:00.5+00")).toBe("2024-01-05T13:45:00.500Z");
    expect(parse(OID.timestamptz, "2024-01-05 13:45:00+05:30")).toBe("2024-01-05T08:15:00.000Z");
    expect(parse(OID.timestamptz, "2024-01-05 01:00:00-08")).toBe("2024-01-05T09:00:00.000Z");
    expect(parseTimestamptz("-infinity")).toBe("-infinity");
  });

  it("json is parsed, bytea is hex, booleans are booleans, the rest stays text", () => {
    expect(parse(OID.json, '{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(parse(OID.jsonb, "null")).toBeNull();
    expect(parse(OID.bytea, "\\x48656c6c6f")).toBe("\\x48656c6c6f");
    expect(parse(OID.bytea, "Hi\\000")).toBe("\\x486900");
    expect(parse(OID.bool, "t")).toBe(true);
    expect(parse(OID.bool, "f")).toBe(false);
    expect(parse(OID.interval, "1 day 02:00:00")).toBe("1 day 02:00:00");
    expect(parse(1007, "{1,2}")).toBe("{1,2}");
    expect(parse(OID.text, "x")).toBe("x");
  });
});

describe("columnType", () => {
  it("maps OIDs to coarse types", () => {
    expect([OID.int8, OID.numeric, OID.float8].map(columnType)).toEqual(["number", "number", "number"]);
    expect([OID.text, OID.varchar, OID.uuid].map(columnType)).toEqual(["string", "string", "string"]);
    expect(columnType(OID.date)).toBe("date");
    expect(columnType(OID.timestamptz)).toBe("timestamp");
    expect(columnType(OID.jsonb)).toBe("json");
    expect(columnType(OID.bool)).toBe("boolean");
    expect(columnType(OID.interval)).toBe("other");
  });
});
