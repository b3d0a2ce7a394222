// The XLSX export against the real PostgreSQL, read back by an independent reader (Python's zipfile, which
// checks every CRC, and xml.etree): exact cell values and types.
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource } from "@/lib/data-sources/create-data-source";
import { getSettings } from "@/lib/env";
import { prepareQuery } from "@/lib/queries/prepare-query";
import { dropTestSchema } from "@/lib/testing/fixtures";
import { readXlsx, type XlsxCell } from "@/lib/testing/read-xlsx";
import { connectionFromUrl } from "@/lib/warehouse/connection-from-url";
import { exportQueryXlsx } from "./export-query-xlsx";
import { MAX_CELL_CHARS } from "./xlsx/cells";

const SCHEMA = `xlsx_test_${randomBytes(3).toString("hex")}`;
const dir = mkdtempSync(path.join(tmpdir(), "xlsx-export-"));
let admin: pg.Client;
let dataSourceId: string;

async function exportToFile(sql: string, options: Partial<Parameters<typeof exportQueryXlsx>[0]> = {}): Promise<string> {
  const prepared = await prepareQuery({ sql });
  const stream = await exportQueryXlsx({ dataSourceId, text: prepared.text, values: prepared.values, ...options });
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  const file = path.join(dir, `${randomBytes(4).toString("hex")}.xlsx`);
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

const s = (v: string): XlsxCell => ({ t: "s", v });
const n = (raw: string): XlsxCell => ({ t: "n", v: Number(raw), raw });
const b = (v: boolean): XlsxCell => ({ t: "b", v });
const d = (v: string): XlsxCell => ({ t: "d", v });

beforeAll(async () => {
  const url = getSettings().DEMO_WAREHOUSE_URL!;
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema "${SCHEMA}"`);
  await admin.query(`
    create table "${SCHEMA}".mixed (
      id int, label text, amount numeric, big bigint, ratio float8, flag boolean, at timestamptz, ts timestamp,
      day date, doc jsonb, tags text[], span interval, small smallint, tiny real
    )`);
  await admin.query(
    `insert into "${SCHEMA}".mixed values
      (1, E'say "hi", then\\nleave', 1.2300, 123456789012345, 0.1, true, '2024-01-05 13:45:00.123+00', '2024-01-05 13:45:00',
       '2024-01-05', '{"a": "x,y", "q": "\\""}', '{a,"b c",NULL}', '1 day 02:03:04', -32768, 1.5),
      (2, null, 12345678901234567890.000000001, 9223372036854775807, 'NaN', false, '2024-07-01 00:00:00+05:30', null,
       '1900-01-01', 'null', '{}', null, null, null),
      (3, 'café 😀 naïve', -0.5, -42, -1.5e-7, null, '1999-12-31 23:59:59.5-03:30', '1999-12-31 23:59:59.5', 'infinity', '[1, 2]', null, '-3 mons', 0, '-Infinity'),
      (4, '=1+1', null, null, 1e300, true, 'infinity', '2000-02-29 12:00:00', '2000-02-29', null, null, null, null, null),
      (5, E'ctrl\\x01char\\ttab\\r\\nCRLF', 0, 0, '-0', false, null, null, '9999-12-31', '{}', '{"x,y"}', null, null, null),
      (6, '_x0041_ & <b> ]]>', 0.00000000001, 1234567890123456, 2.2250738585072014e-308, null, null, null, null, null, null, null, null, null),
      (7, '  padded  ', null, null, null, null, null, null, null, null, null, null, null, null)`,
  );
  const ds = await createDataSource({ name: `XLSX test ${SCHEMA}`, kind: "POSTGRES", config: connectionFromUrl(url) });
  dataSourceId = ds.id;
});

afterAll(() => dropTestSchema(admin, SCHEMA));

describe("exportQueryXlsx", () => {
  it("writes every value with its type: numbers, booleans, dates and times, text as PostgreSQL prints it, NULL as no cell", async () => {
    const { sheets } = await readXlsx(await exportToFile(`select * from "${SCHEMA}".mixed order by id`, { batchRows: 3 }));
    expect(sheets).toHaveLength(1);
    expect(sheets[0].frozen).toBe(true);
    expect(sheets[0].header_bold).toBe(true);
    const [header, ...rows] = sheets[0].rows;
    expect(header).toEqual(["id", "label", "amount", "big", "ratio", "flag", "at (UTC)", "ts", "day", "doc", "tags", "span", "small", "tiny"].map(s));
    expect(rows).toEqual([
      [n("1"), s('say "hi", then\nleave'), n("1.2300"), n("123456789012345"), n("0.1"), b(true), d("2024-01-05 13:45:00.123"), d("2024-01-05 13:45:00.000"),
        d("2024-01-05"), s('{"a": "x,y", "q": "\\""}'), s('{a,"b c",NULL}'), s("1 day 02:03:04"), n("-32768"), n("1.5")],
      // numeric and int8 beyond 15 digits stay exact text; NaN is a word; 1900-01-01 is before the dates Excel
      // and LibreOffice agree on; the timestamptz is its UTC instant.
      [n("2"), null, s("12345678901234567890.000000001"), s("9223372036854775807"), s("NaN"), b(false), d("2024-06-30 18:30:00.000"), null,
        s("1900-01-01"), s("null"), s("{}")],
      [n("3"), s("café 😀 naïve"), n("-0.5"), n("-42"), n("-1.5e-07"), null, d("2000-01-01 03:29:59.500"), d("1999-12-31 23:59:59.500"),
        s("infinity"), s("[1, 2]"), null, s("-3 mons"), n("0"), s("-Infinity")],
      // Formula-looking text is text, never a formula (the reader fails on any <f>).
      [n("4"), s("=1+1"), null, null, n("1e+300"), b(true), s("infinity"), d("2000-02-29 12:00:00.000"), d("2000-02-29")],
      // \x01 is not allowed in XML 1.0: dropped; tab, CR and LF are kept.
      [n("5"), s("ctrlchar\ttab\r\nCRLF"), n("0"), n("0"), n("-0"), b(false), null, null, d("9999-12-31"), s("{}"), s('{"x,y"}')],
      [n("6"), s("_x0041_ & <b> ]]>"), n("0.00000000001"), s("1234567890123456"), n("2.2250738585072014e-308")],
      [n("7"), s("  padded  ")],
    ]);
  });

  it("cuts text over Excel's cell limit with a trailing …", async () => {
    const { sheets } = await readXlsx(await exportToFile(`select repeat('ab', 20000) as long, repeat('é', 32767) as fits`));
    expect(sheets[0].rows[1]).toEqual([s("ab".repeat(MAX_CELL_CHARS / 2).slice(0, MAX_CELL_CHARS - 1) + "…"), s("é".repeat(MAX_CELL_CHARS))]);
  });

  it("binds parameters like a run does", async () => {
    const prepared = await prepareQuery({ sql: `select id, label from "${SCHEMA}".mixed where id = any({{ids}}) order by id`, values: { ids: ["3", "7"] } });
    const stream = await exportQueryXlsx({ dataSourceId, ...prepared });
    const file = path.join(dir, "params.xlsx");
    const chunks: Buffer[] = [];
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
    writeFileSync(file, Buffer.concat(chunks));
    expect((await readXlsx(file)).sheets[0].rows).toEqual([[s("id"), s("label")], [n("3"), s("café 😀 naïve")], [n("7"), s("  padded  ")]]);
  });

  it("continues on Sheet2, Sheet3… with the header repeated, past the sheet row limit", async () => {
    const file = await exportToFile(`select g, 'r' || g as label from generate_series(1, 25) g`, { batchRows: 7, xlsx: { sheetRows: 10 } });
    const { sheets } = await readXlsx(file);
    expect(sheets.map((sh) => sh.name)).toEqual(["Sheet1", "Sheet2", "Sheet3"]);
    const header = [s("g"), s("label")];
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => [n(String(from + i)), s(`r${from + i}`)]);
    expect(sheets[0].rows).toEqual([header, ...range(1, 10)]);
    expect(sheets[1].rows).toEqual([header, ...range(11, 20)]);
    expect(sheets[2].rows).toEqual([header, ...range(21, 25)]);
  });

  it("streams to the end when batch after batch deflates to no bytes yet (zlib holds them for its next block)", async () => {
    // 100 rows of one repeated digit are ~4 KB of sheet XML that zlib keeps whole: a run of batches gives
    // the stream nothing to send. It once stopped there, the reader waiting for bytes that never came.
    const file = await exportToFile("select 7 as seven from generate_series(1, 6000) g", { batchRows: 100 });
    const { sheets } = await readXlsx(file);
    expect(sheets.map((sh) => sh.rows.length)).toEqual([6001]);
    expect(sheets[0].rows[0]).toEqual([s("seven")]);
    expect(sheets[0].rows.slice(1).every((r) => r.length === 1 && r[0]?.t === "n" && r[0].raw === "7")).toBe(true);
  });

  it("reports SQL errors before streaming", async () => {
    await expect(exportQueryXlsx({ dataSourceId, text: "select nope", values: [] })).rejects.toThrow('column "nope" does not exist');
  });
});
