// The CSV export must be byte-identical to psql's `\copy (query) to stdout csv header`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource } from "@/lib/data-sources/create-data-source";
import { getSettings } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { prepareQuery } from "@/lib/queries/prepare-query";
import { dropTestSchema } from "@/lib/testing/fixtures";
import { connectionFromUrl } from "@/lib/warehouse/connection-from-url";
import { exportQueryCsv } from "./export-query-csv";

const SCHEMA = `export_test_${randomBytes(3).toString("hex")}`;
let url: string;
let admin: pg.Client;
let dataSourceId: string;

async function collect(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function psqlCopy(query: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn("/usr/bin/psql", [url, "-X", "-v", "ON_ERROR_STOP=1", "-c", `\\copy (${query}) to STDOUT csv header`], {
      // Only these settings: the comparison must not depend on the environment psql would otherwise read.
      env: { PGTZ: "UTC", PGDATESTYLE: "ISO", PGCLIENTENCODING: "UTF8" } as unknown as NodeJS.ProcessEnv,
    });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => (err += String(d)));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`psql exited ${code}: ${err}`))));
  });
}

beforeAll(async () => {
  url = getSettings().DEMO_WAREHOUSE_URL!;
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema "${SCHEMA}"`);
  await admin.query(`
    create table "${SCHEMA}".tricky (
      id int primary key, label text, "odd ""name"", here" text, amount numeric, ratio float8, flag boolean,
      at timestamptz, day date, doc json, docb jsonb, tags text[], raw bytea, span interval
    )`);
  await admin.query(
    `insert into "${SCHEMA}".tricky values
      (1, null, '', 1.2300, 0.1, true, '2024-01-05 13:45:00.123456+00', '2024-01-05', '{"a": "x,y"}', '{"b": [1, "q\\"uote"]}', '{a,"b c",NULL}', '\\x00ff', '1 day 02:03:04'),
      (2, '', null, -0.5, -1e300, false, '2024-07-01 00:00:00+05:30', '0001-01-01', 'null', null, '{}', '\\x', '-3 mons'),
      (3, 'say "hi"', 'a,b', 1e-20, 'NaN', null, 'infinity', 'infinity', '[1,2]', '"s"', null, null, null),
      (4, E'line1\\nline2', E'crlf\\r\\nend', 12345678901234567890.000000001, 'Infinity', true, '1999-12-31 23:59:59.999+00', '2000-02-29', '{}', '{}', '{"x,y"}', null, '0'),
      (5, 'café 😀 naïve', ' lead and trail ', 0, 3.14159, false, '2024-03-10 02:30:00-08', '2024-03-10', '{"emoji": "😀"}', '{"k": "é"}', null, null, null),
      (6, '\\.', E'tab\\there', null, null, null, null, null, null, null, null, null, null)`,
  );
  // One column per kind of value, so a mistake in one type's text output shows on its own.
  await admin.query(`
    create table "${SCHEMA}".kinds (
      id int primary key, t text, vc varchar(20), ch char(5), n numeric(30, 10), i2 smallint, i8 bigint, f4 real,
      f8 float8, b boolean, d date, ts timestamp, tz timestamptz, tm time, ttz timetz, iv interval, j json,
      jb jsonb, arr int[], tarr text[], ba bytea, u uuid, ip inet, mn money, pt point, rng int4range, bits bit varying(8)
    )`);
  await admin.query(
    `insert into "${SCHEMA}".kinds values
      (1, 'back\\slash \\N NULL', 'a"b', 'ab', 1234567890.0123456789, -32768, 9223372036854775807, 1.5e-7,
       1e15, true, '4713-01-01 BC', '2024-02-29 23:59:59.999999', '2024-06-30 23:59:60+00', '24:00', '12:00+05:45',
       '1 year 2 mons 3 days 04:05:06.789', '{"nl": "a\\nb", "q": "\\""}', '{"z": 1, "a": [true, null]}',
       '{{1,2},{3,4}}', '{"a,b","c\\"d","",NULL,"NULL"}', '\\x5c2e0d0a', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
       '192.168.0.1/24', 12.34, '(1.5,-2)', '[1,10)', B'1010'),
      (2, '\\.', E'\\\\.\\n', null, 'NaN', 0, -1, 'Infinity', '-0', false, '-infinity', 'epoch', '-infinity',
       '00:00', '00:00-12', '-1 days +02:00', '""', '[]', '{}', '{}', '\\x', null, '::1', -0.5, null, 'empty', B''),
      (3, E'\\r', ' ', '', 0.00000000001, null, null, '-Infinity', 2.2250738585072014e-308, null, null, null,
       '1970-01-01 00:00:00.5-03:30', null, null, null, E'{"real":\\n"newline"}', 'null', null, '{" "}', null, null,
       null, null, null, null, null)`,
  );
  // Column names are quoted in the header by the same rules (psql's \copy cannot spell a U& name itself).
  await admin.query(`create table "${SCHEMA}".names ("a,b" int, "q""uote" int, U&"new\\000aline" int, " sp " int, "é😀" int, "NULL" int)`);
  await admin.query(`insert into "${SCHEMA}".names values (1, 2, 3, 4, 5, null)`);
  const ds = await createDataSource({ name: `Export test ${SCHEMA}`, kind: "POSTGRES", config: connectionFromUrl(url) });
  dataSourceId = ds.id;
});

afterAll(() => dropTestSchema(admin, SCHEMA));

describe("exportQueryCsv", () => {
  it.each([
    ["every tricky value", `select * from "${SCHEMA}".tricky order by id`],
    ["one column (\\. alone is quoted)", `select label from "${SCHEMA}".tricky order by id`],
    ["no rows", `select * from "${SCHEMA}".tricky where false`],
    ["many batches", `select g, md5(g::text), g % 7 = 0 as seventh from generate_series(1, 12345) g`],
  ])("writes exactly what psql's \\copy writes: %s", async (_name, query) => {
    const ours = await collect(await exportQueryCsv({ dataSourceId, text: query, values: [], batchRows: 1000 }));
    const theirs = await psqlCopy(query);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.toString("utf8")).toBe(theirs.toString("utf8"));
    expect(ours.equals(theirs)).toBe(true);
  });

  // A bound parameter sends the export through the server-side cursor and our own CSV encoder (COPY takes
  // no parameters); `$1::int = 1` is true for the value 1, so psql's \copy of the same query with the
  // literal 1 must write the very same bytes.
  it.each([
    ["every tricky value", `select * from "${SCHEMA}".tricky where $1::int = 1 order by id`],
    ["every kind of value, one column each", `select * from "${SCHEMA}".kinds where $1::int = 1 order by id`],
    ["one column (\\. alone is quoted)", `select label from "${SCHEMA}".tricky where $1::int = 1 order by id`],
    ["one column named like end-of-data", `select label as "\\." from "${SCHEMA}".tricky where $1::int = 1 order by id`],
    ["awkward column names", `select * from "${SCHEMA}".names where $1::int = 1`],
    ["no rows", `select * from "${SCHEMA}".tricky where false and $1::int = 1`],
    ["many batches", `select g, md5(g::text), g % 7 = 0 as seventh, timestamptz '2024-01-01 00:00:00.5+02' + g * interval '1 minute' as at, g / 7.0 as ratio
      from generate_series($1::int, 12345) g`],
  ])("the cursor path writes exactly what psql's \\copy writes: %s", async (_name, query) => {
    const ours = await collect(await exportQueryCsv({ dataSourceId, text: query, values: [1], batchRows: 1000 }));
    const theirs = await psqlCopy(query.replace("$1::int", "1"));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.toString("utf8")).toBe(theirs.toString("utf8"));
    expect(ours.equals(theirs)).toBe(true);
  });

  it("binds parameters like a run does", async () => {
    const prepared = await prepareQuery({ sql: `select id, label from "${SCHEMA}".tricky where id = any({{ids}}) order by id`, values: { ids: ["3", "5"] } });
    const ours = await collect(await exportQueryCsv({ dataSourceId, ...prepared }));
    expect(ours.toString("utf8")).toBe('id,label\n3,"say ""hi"""\n5,café 😀 naïve\n');
  });

  it("reports SQL errors before streaming, and refuses writes", async () => {
    await expect(exportQueryCsv({ dataSourceId, text: "select nope", values: [] })).rejects.toThrow('column "nope" does not exist');
    const e = await exportQueryCsv({ dataSourceId, text: `delete from "${SCHEMA}".tricky`, values: [] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).details?.sqlState).toBe("25006");
  });
});
