import { describe, expect, it } from "vitest";
import { csvField, csvLine, encodeCsvRows, sanitizeFilename } from "./csv";

describe("CSV like COPY", () => {
  it("quotes only what COPY quotes", () => {
    expect(csvLine(["a", null, "", 'say "hi"', "x,y", "l1\nl2", "cr\r", " padded "])).toBe('a,,"","say ""hi""","x,y","l1\nl2","cr\r", padded \n');
    expect(csvField("\\.", true)).toBe('"\\."');
    expect(csvField("\\.", false)).toBe("\\.");
    expect(csvField("é😀", false)).toBe("é😀");
  });

  it("encodes rows to the same bytes, in chunks of the given size unless a line is longer", () => {
    const rows: (string | null)[][] = [
      ["1", "plain"],
      ["2", null],
      ["3", ""],
      ["4", 'q"uote'],
      ["5", "é😀 naïve"],
      ["6", "line\r\nbreak"],
      ["7", "x".repeat(40)],
      ["8", "\\."],
    ];
    const expected = '1,plain\n2,\n3,""\n4,"q""uote"\n5,é😀 naïve\n6,"line\r\nbreak"\n7,' + "x".repeat(40) + "\n8,\\.\n";
    const whole = encodeCsvRows(rows);
    expect(whole.map((c) => c.length)).toEqual([Buffer.byteLength(expected)]);
    expect(Buffer.concat(whole).toString("utf8")).toBe(expected);

    const small = encodeCsvRows(rows, 32);
    expect(Buffer.concat(small).toString("utf8")).toBe(expected);
    // Lines are never split; a chunk holds what fits (counting 3 bytes per UTF-16 unit); a longer line
    // gets a chunk of its own size, which the lines after it share while they fit.
    expect(small.map((c) => c.toString("utf8"))).toEqual([
      '1,plain\n2,\n3,""\n',
      '4,"q""uote"\n',
      "5,é😀 naïve\n",
      '6,"line\r\nbreak"\n',
      "7," + "x".repeat(40) + "\n8,\\.\n",
    ]);
    expect(encodeCsvRows([["\\."]]).map((c) => c.toString("utf8"))).toEqual(['"\\."\n']);
    expect(encodeCsvRows([])).toEqual([]);
  });

  it("sanitizes file names", () => {
    expect(sanitizeFilename('Weekly "signups"/by country.csv')).toBe("Weekly-signups-by-country.csv");
    expect(sanitizeFilename("../../etc")).toBe("etc");
    expect(sanitizeFilename("")).toBe("query-results");
  });
});
