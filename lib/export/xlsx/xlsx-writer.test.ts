// The workbook as a whole, read back by an independent reader (Python's zipfile and xml.etree).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsx } from "@/lib/testing/read-xlsx";
import { XlsxWriter, type XlsxWriterOptions } from "./xlsx-writer";

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

  it("writes ZIP64 records (sizes, offsets, end of directory) that a reader follows", async () => {
    // Every size and offset counts as large: the ZIP64 path runs without writing 4 GiB.
    const file = await writeWorkbook("zip64", FIELDS, [rows(1, 500)], { zip: { zip64From: 0 } });
    const { sheets } = await readXlsx(file);
    expect(sheets[0].rows).toEqual([HEADER, ...rows(1, 500).map(asCells)]);
  });
});
