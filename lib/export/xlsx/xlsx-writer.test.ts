// The workbook as a whole, read back by an independent reader (Python's zipfile and xml.etree).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsx } from "@/lib/testing/read-xlsx";
import { MAX_CELL_CHARS } from "./cells";
import { XML_BUFFER_BYTES, XlsxWriter, type XlsxWriterOptions } from "./xlsx-writer";

const dir = mkdtempSync(path.join(tmpdir(), "xlsx-writer-"));

async function writeWorkbook(name: string, fields: { name: string; dataTypeID: number }[], batches: (string | null)[][][], options?: XlsxWriterOptions) {
  const writer = new XlsxWriter(options);
  const chunks: Uint8Array[] = [...(await writer.start(fields))];
  for (const rows of batches) chunks.push(...(await writer.rows(rows)));
  chunks.push(...(await writer.end()));
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

const FIELDS = [
  { name: "n", dataTypeID: 23 },
  { name: "label", dataTypeID: 25 },
];
const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => [String(from + i), `row ${from + i}`]);
const asCells = (r: string[]) => [{ t: "n", v: Number(r[0]), raw: r[0] }, { t: "s", v: r[1] }];
const HEADER = [{ t: "s", v: "n" }, { t: "s", v: "label" }];

describe("XlsxWriter", () => {
  it("writes one sheet with a bold frozen header, rows in order, across batches", async () => {
    const file = await writeWorkbook("one", FIELDS, [rows(1, 3), rows(4, 4), []]);
    const { sheets } = await readXlsx(file);
    expect(sheets.map((s) => [s.name, s.frozen, s.header_bold])).toEqual([["Sheet1", true, true]]);
    expect(sheets[0].rows).toEqual([HEADER, ...rows(1, 4).map(asCells)]);
  });

  it("continues on Sheet2, Sheet3… past the sheet's row limit, the header repeated on each", async () => {
    const file = await writeWorkbook("split", FIELDS, [rows(1, 4), rows(5, 7)], { sheetRows: 3 });
    const { sheets } = await readXlsx(file);
    expect(sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2", "Sheet3"]);
    expect(sheets[0].rows).toEqual([HEADER, ...rows(1, 3).map(asCells)]);
    expect(sheets[1].rows).toEqual([HEADER, ...rows(4, 6).map(asCells)]);
    expect(sheets[2].rows).toEqual([HEADER, ...rows(7, 7).map(asCells)]);
    expect(sheets.every((s) => s.frozen && s.header_bold)).toBe(true);
  });

  it("does not start an empty sheet when the rows fill the last one exactly", async () => {
    const { sheets } = await readXlsx(await writeWorkbook("exact", FIELDS, [rows(1, 3), rows(4, 6)], { sheetRows: 3 }));
    expect(sheets.map((s) => s.rows.length)).toEqual([4, 4]);
  });

  it("writes the header alone for a result without rows", async () => {
    const { sheets } = await readXlsx(await writeWorkbook("empty", FIELDS, [[]]));
    expect(sheets.map((s) => s.rows)).toEqual([[HEADER]]);
  });

  it("keeps every row whole across the XML buffer's flushes, multi-byte text and rows larger than the buffer included", async () => {
    const label = (i: number) => (i % 3 === 0 ? `é${i}` : i % 3 === 1 ? `😀 ${i}` : `plain ${i}`);
    const long = "€".repeat(MAX_CELL_CHARS); // 96 KiB of UTF-8 on its own: more than the buffer holds
    expect(Buffer.byteLength(long)).toBeGreaterThan(XML_BUFFER_BYTES);
    const batch = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => [String(from + k), from + k === 1500 ? long : label(from + k)]);
    const file = await writeWorkbook("buffer", FIELDS, [batch(1, 1499), batch(1500, 1500), batch(1501, 4000)]);
    const { sheets } = await readXlsx(file);
    const expected = Array.from({ length: 4000 }, (_, k) => [{ t: "n", v: k + 1, raw: String(k + 1) }, { t: "s", v: k + 1 === 1500 ? long : label(k + 1) }]);
    expect(sheets[0].rows).toEqual([HEADER, ...expected]);
  });

  it("writes a value repeated down a column in every row, NULLs and other columns' equal values apart", async () => {
    const fields = [{ name: "n", dataTypeID: 23 }, { name: "t", dataTypeID: 25 }, { name: "at", dataTypeID: 1184 }];
    const at = "2024-01-05 12:00:00+00";
    const file = await writeWorkbook("repeat", fields, [[["1", "1", at], ["1", null, at], [null, "1", at]], [["1", "1", null], ["2", "1", at]]]);
    const { sheets } = await readXlsx(file);
    const one = { t: "n", v: 1, raw: "1" };
    const noon = { t: "d", v: "2024-01-05 12:00:00.000" };
    expect(sheets[0].rows.slice(1)).toEqual([
      [one, { t: "s", v: "1" }, noon],
      [one, null, noon],
      [null, { t: "s", v: "1" }, noon],
      [one, { t: "s", v: "1" }],
      [{ t: "n", v: 2, raw: "2" }, { t: "s", v: "1" }, noon],
    ]);
  });

  it("writes ZIP64 records (sizes, offsets, end of directory) that a reader follows", async () => {
    // Every size and offset counts as large: the ZIP64 path runs without writing 4 GiB.
    const file = await writeWorkbook("zip64", FIELDS, [rows(1, 500)], { zip: { zip64From: 0 } });
    const { sheets } = await readXlsx(file);
    expect(sheets[0].rows).toEqual([HEADER, ...rows(1, 500).map(asCells)]);
  });
});
