import { describe, expect, it } from "vitest";
import { csvField, csvLine, sanitizeFilename } from "./csv";

describe("CSV like COPY", () => {
  it("quotes only what COPY quotes", () => {
    expect(csvLine(["a", null, "", 'say "hi"', "x,y", "l1\nl2", "cr\r", " padded "])).toBe('a,,"","say ""hi""","x,y","l1\nl2","cr\r", padded \n');
    expect(csvField("\\.", true)).toBe('"\\."');
    expect(csvField("\\.", false)).toBe("\\.");
    expect(csvField("é😀", false)).toBe("é😀");
  });

  it("sanitizes file names", () => {
    expect(sanitizeFilename('Weekly "signups"/by country.csv')).toBe("Weekly-signups-by-country.csv");
    expect(sanitizeFilename("../../etc")).toBe("etc");
    expect(sanitizeFilename("")).toBe("query-results");
  });
});
