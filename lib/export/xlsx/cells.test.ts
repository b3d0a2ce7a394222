import { describe, expect, it } from "vitest";
import { cellKindOf, columnLetters, encodeCell, escapeCellText, fitsExcelNumber, MAX_CELL_CHARS } from "./cells";

const text = (ref: string, t: string, preserve = false) =>
  `<c r="${ref}" t="inlineStr"><is><t${preserve ? ' xml:space="preserve"' : ""}>${t}</t></is></c>`;

describe("cellKindOf", () => {
  it("maps PostgreSQL type OIDs to cell kinds, everything unknown to text", () => {
    expect([21, 23, 700, 701, 20, 1700, 16, 1082, 1114, 1184].map(cellKindOf)).toEqual([
      "integer", "integer", "float", "float", "decimal", "decimal", "bool", "date", "timestamp", "timestamptz",
    ]);
    // text, varchar, json, jsonb, int4[], time, interval, uuid
    expect([25, 1043, 114, 3802, 1007, 1083, 1186, 2950].map(cellKindOf)).toEqual(Array(8).fill("text"));
  });
});

describe("columnLetters", () => {
  it("counts A..Z, AA.., like Excel", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });
});

describe("encodeCell", () => {
  it("writes NULL as no cell", () => {
    for (const kind of ["integer", "float", "decimal", "bool", "date", "timestamp", "timestamptz", "text"] as const) {
      expect(encodeCell("A2", kind, null)).toBe("");
    }
  });

  it("writes int2/int4 and float4/float8 as numbers, in the warehouse's own digits", () => {
    expect(encodeCell("A2", "integer", "-32768")).toBe('<c r="A2"><v>-32768</v></c>');
    expect(encodeCell("B2", "float", "0.1")).toBe('<c r="B2"><v>0.1</v></c>');
    expect(encodeCell("B3", "float", "1e+15")).toBe('<c r="B3"><v>1e+15</v></c>');
    expect(encodeCell("B4", "float", "-1.5e-07")).toBe('<c r="B4"><v>-1.5e-07</v></c>');
    expect(encodeCell("B5", "float", "2.2250738585072014e-308")).toBe('<c r="B5"><v>2.2250738585072014e-308</v></c>');
    expect(encodeCell("B6", "float", "-0")).toBe('<c r="B6"><v>-0</v></c>');
  });

  it("writes NaN and infinities as words: a spreadsheet has no such numbers", () => {
    expect(encodeCell("A2", "float", "NaN")).toBe(text("A2", "NaN"));
    expect(encodeCell("A2", "float", "-Infinity")).toBe(text("A2", "-Infinity"));
    expect(encodeCell("A2", "decimal", "Infinity")).toBe(text("A2", "Infinity"));
    expect(encodeCell("A2", "decimal", "NaN")).toBe(text("A2", "NaN"));
  });

  it("writes int8 and numeric as numbers only when no digit is lost, else as the exact text", () => {
    expect(encodeCell("A2", "decimal", "1.2300")).toBe('<c r="A2"><v>1.2300</v></c>');
    expect(encodeCell("A2", "decimal", "-0.5")).toBe('<c r="A2"><v>-0.5</v></c>');
    expect(encodeCell("A2", "decimal", "0")).toBe('<c r="A2"><v>0</v></c>');
    expect(encodeCell("A2", "decimal", "0.00000000001")).toBe('<c r="A2"><v>0.00000000001</v></c>');
    expect(encodeCell("A2", "decimal", "999999999999999")).toBe('<c r="A2"><v>999999999999999</v></c>'); // 15 digits
    expect(encodeCell("A2", "decimal", "-100000000000000000000")).toBe('<c r="A2"><v>-100000000000000000000</v></c>'); // 1 significant digit
    // 16+ significant digits: Excel would show and keep only 15.
    expect(encodeCell("A2", "decimal", "9223372036854775807")).toBe(text("A2", "9223372036854775807"));
    expect(encodeCell("A2", "decimal", "9007199254740993")).toBe(text("A2", "9007199254740993"));
    expect(encodeCell("A2", "decimal", "1234567890123456")).toBe(text("A2", "1234567890123456"));
    expect(encodeCell("A2", "decimal", "12345678901234567890.000000001")).toBe(text("A2", "12345678901234567890.000000001"));
    expect(encodeCell("A2", "decimal", "1234567890.0123456789")).toBe(text("A2", "1234567890.0123456789"));
  });

  it("checks the round trip through a double, range included", () => {
    expect(fitsExcelNumber("0.1")).toBe(true);
    expect(fitsExcelNumber("123456789012345")).toBe(true);
    expect(fitsExcelNumber("1234567890123456")).toBe(false);
    expect(fitsExcelNumber(`1${"0".repeat(308)}`)).toBe(true); // 1e308 is a double, 1e309 is not
    expect(fitsExcelNumber(`1${"0".repeat(309)}`)).toBe(false);
    expect(fitsExcelNumber(`0.${"0".repeat(310)}1`)).toBe(false); // below the normal doubles
    expect(fitsExcelNumber("00012.500")).toBe(true);
    expect(fitsExcelNumber("1e5")).toBe(false); // not PostgreSQL's numeric output
  });

  it("writes bool as a boolean cell", () => {
    expect(encodeCell("C2", "bool", "t")).toBe('<c r="C2" t="b"><v>1</v></c>');
    expect(encodeCell("C2", "bool", "f")).toBe('<c r="C2" t="b"><v>0</v></c>');
  });

  it("writes dates as serial days with the yyyy-mm-dd format", () => {
    expect(encodeCell("D2", "date", "2024-01-05")).toBe('<c r="D2" s="2"><v>45296</v></c>');
    expect(encodeCell("D2", "date", "1900-03-01")).toBe('<c r="D2" s="2"><v>61</v></c>');
    expect(encodeCell("D2", "date", "9999-12-31")).toBe('<c r="D2" s="2"><v>2958465</v></c>');
    // Excel and LibreOffice disagree before 1900-03-01; Excel has nothing before 1900 or after 9999.
    for (const v of ["1900-02-28", "1899-12-31", "0050-01-01", "4713-01-01 BC", "infinity", "-infinity", "10000-01-01"]) {
      expect(encodeCell("D2", "date", v)).toBe(text("D2", v));
    }
  });

  it("writes timestamps as serials: whole seconds as yyyy-mm-dd hh:mm:ss, fractions kept and shown to the millisecond", () => {
    expect(encodeCell("E2", "timestamp", "2024-01-05 12:00:00")).toBe('<c r="E2" s="3"><v>45296.5</v></c>');
    expect(encodeCell("E2", "timestamp", "2024-01-05 13:45:00.123456")).toBe(`<c r="E2" s="4"><v>${45296 + (13 * 3600 + 45 * 60 + 0.123456) / 86400}</v></c>`);
    expect(encodeCell("E2", "timestamptz", "1999-12-31 23:59:59.5+00")).toBe(`<c r="E2" s="4"><v>${36525 + (86400 - 0.5) / 86400}</v></c>`);
    expect(encodeCell("E2", "timestamp", "infinity")).toBe(text("E2", "infinity"));
    expect(encodeCell("E2", "timestamp", "0099-01-01 00:00:00")).toBe(text("E2", "0099-01-01 00:00:00"));
    expect(encodeCell("E2", "timestamp", "2000-01-01 00:00:00 BC")).toBe(text("E2", "2000-01-01 00:00:00 BC"));
  });

  it("writes timestamptz as its instant in UTC, whatever offset the warehouse printed", () => {
    expect(encodeCell("F2", "timestamptz", "2024-01-05 12:00:00+00")).toBe('<c r="F2" s="3"><v>45296.5</v></c>');
    expect(encodeCell("F2", "timestamptz", "2024-01-05 17:30:00+05:30")).toBe('<c r="F2" s="3"><v>45296.5</v></c>');
    expect(encodeCell("F2", "timestamptz", "2024-01-05 08:30:00-03:30")).toBe('<c r="F2" s="3"><v>45296.5</v></c>');
    expect(encodeCell("F2", "timestamptz", "2024-01-06 01:00:00+13")).toBe('<c r="F2" s="3"><v>45296.5</v></c>');
    expect(encodeCell("F2", "timestamptz", "-infinity")).toBe(text("F2", "-infinity"));
  });

  it("reads every offset form a timestamptz can have, and leaves anything else as text", () => {
    const noon = '<c r="F2" s="3"><v>45296.5</v></c>';
    for (const v of ["2024-01-05 17:30:00+0530", "2024-01-05 17:53:28+05:53:28", "2024-01-05 17:53:28+055328", "2024-01-05 05:36:32-06:23:28"]) {
      expect(encodeCell("F2", "timestamptz", v)).toBe(noon);
    }
    expect(encodeCell("F2", "timestamptz", "2024-01-05 12:00:00.25-01")).toBe(`<c r="F2" s="4"><v>${45296 + (13 * 3600 + 0.25) / 86400}</v></c>`);
    // An offset on a timestamp without time zone, and shapes PostgreSQL never prints.
    expect(encodeCell("E2", "timestamp", "2024-01-05 12:00:00+00")).toBe(text("E2", "2024-01-05 12:00:00+00"));
    for (const v of ["2024-01-05 12:00:00.", "2024-01-05 12:00:00+5", "2024-01-05 12:00:00+05:3", "2024-01-05 12:00:00+05:", "2024-01-05 12:00:00+05:30:00:00",
      "2024-01-05T12:00:00", "2024-1-05 12:00:00", "2024-01-05 12:0:00", "2024-01-05 12:00:00 ", "2024-01-05 12:00:00Z", "20240-01-05 12:00:00"]) {
      expect(encodeCell("F2", "timestamptz", v)).toBe(text("F2", v, v.endsWith(" ")));
    }
    for (const v of ["2024-01-05x", "2024-01-5", "2024/01/05", "x024-01-05"]) expect(encodeCell("D2", "date", v)).toBe(text("D2", v));
  });

  it("writes int8 of up to 15 digits, sign apart, as a number, and a lone sign as text", () => {
    expect(encodeCell("A2", "decimal", "-123456789012345")).toBe('<c r="A2"><v>-123456789012345</v></c>');
    expect(encodeCell("A2", "decimal", "-1234567890123456")).toBe(text("A2", "-1234567890123456"));
    expect(encodeCell("A2", "integer", "-")).toBe(text("A2", "-"));
    expect(encodeCell("A2", "integer", "")).toBe(text("A2", ""));
  });

  it("writes everything else as PostgreSQL printed it, in an inline string", () => {
    expect(encodeCell("G2", "text", '{"a": [1, "x,y"]}')).toBe(text("G2", '{"a": [1, "x,y"]}'));
    expect(encodeCell("G2", "text", '{a,"b c",NULL}')).toBe(text("G2", '{a,"b c",NULL}'));
    expect(encodeCell("G2", "text", "")).toBe(text("G2", ""));
  });

  it("never writes a formula: text that looks like one is an inline string", () => {
    for (const v of ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", '=HYPERLINK("http://x")']) {
      expect(encodeCell("H2", "text", v)).toBe(text("H2", v.replace(/"/g, '"')));
      expect(encodeCell("H2", "text", v)).not.toContain("<f>");
    }
  });

  it("keeps leading and trailing spaces", () => {
    expect(encodeCell("A2", "text", " lead and trail ")).toBe(text("A2", " lead and trail ", true));
    expect(encodeCell("A2", "text", "tab\t")).toBe(text("A2", "tab\t", true));
    // Unicode's other spaces count too; other text outside ASCII is written as it is.
    expect(encodeCell("A2", "text", "\u00a0no-break")).toBe(text("A2", "\u00a0no-break", true));
    expect(encodeCell("A2", "text", "ideographic\u3000")).toBe(text("A2", "ideographic\u3000", true));
    expect(encodeCell("A2", "text", "été à Zürich")).toBe(text("A2", "été à Zürich"));
  });
});

describe("escapeCellText", () => {
  it("escapes markup and keeps CR (which XML would turn into LF)", () => {
    expect(escapeCellText(`a & b <c> "d" 'e'`)).toBe(`a &amp; b &lt;c&gt; "d" 'e'`);
    expect(escapeCellText("line1\r\nline2\ttab")).toBe("line1&#13;\nline2\ttab");
  });

  it("escapes the underscore of text Excel would read as an _xHHHH_ escape", () => {
    expect(escapeCellText("_x000D_ and _x41_ and x_x0041_y")).toBe("_x005F_x000D_ and _x41_ and x_x005F_x0041_y");
  });

  it("drops the characters XML 1.0 forbids, and keeps the rest of Unicode", () => {
    expect(escapeCellText("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\uFFFEh\uFFFF")).toBe("abcdefgh");
    expect(escapeCellText("lone \uD800 high, lone \uDC00 low, pair 😀")).toBe("lone  high, lone  low, pair 😀");
    expect(escapeCellText("café 😀 naïve \u007F \u0085")).toBe("café 😀 naïve \u007F \u0085");
  });

  it("cuts text over Excel's 32,767 characters, ending with …", () => {
    expect(escapeCellText("x".repeat(MAX_CELL_CHARS))).toBe("x".repeat(MAX_CELL_CHARS));
    const cut = escapeCellText("x".repeat(MAX_CELL_CHARS + 1));
    expect(cut).toHaveLength(MAX_CELL_CHARS);
    expect(cut).toBe("x".repeat(MAX_CELL_CHARS - 1) + "…");
    // A surrogate pair at the cut is not split in two.
    expect(escapeCellText("x".repeat(MAX_CELL_CHARS - 2) + "😀😀")).toBe("x".repeat(MAX_CELL_CHARS - 2) + "…");
    expect(escapeCellText("x".repeat(MAX_CELL_CHARS - 3) + "😀😀")).toBe("x".repeat(MAX_CELL_CHARS - 3) + "😀…");
    // Escaping happens after the cut: the limit counts characters as Excel shows them.
    expect(escapeCellText("&".repeat(40_000))).toBe("&amp;".repeat(MAX_CELL_CHARS - 1) + "…");
  });
});
