// CSV exports and schema introspection take one of the data source's concurrency slots like any run: with
// the maximum in use (a slot held in the integration Redis, as another process's query would hold it) they
// wait, and an export holds its slot for the whole download, giving it back however the download ends.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource } from "@/lib/data-sources/create-data-source";
import { disconnectDb } from "@/lib/db";
import { getSettings } from "@/lib/env";
import { closeQueues } from "@/lib/jobs/queues";
import { getSchemaTree } from "@/lib/schema/get-schema-tree";
import { waitFor } from "@/lib/testing/fixtures";
import { acquireSlot } from "@/lib/warehouse/concurrency-slots";
import { connectionFromUrl } from "@/lib/warehouse/connection-from-url";
import { closeAllPools } from "@/lib/warehouse/pools";
import { exportQueryCsv } from "./export-query-csv";
import { exportQueryXlsx } from "./export-query-xlsx";

const suffix = randomBytes(3).toString("hex");
let admin: pg.Client;
let dataSourceId: string;

beforeAll(async () => {
  const url = getSettings().DEMO_WAREHOUSE_URL!;
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const ds = await createDataSource({ name: `Export slots ${suffix}`, kind: "POSTGRES", config: connectionFromUrl(url, "demo"), maxConcurrency: 1 });
  dataSourceId = ds.id;
});

afterAll(async () => {
  await closeQueues();
  await closeAllPools();
  await admin?.end();
  await disconnectDb();
});

/** Statements carrying `tag` that the warehouse is running now. */
async function running(tag: string): Promise<number> {
  const res = await admin.query("select count(*)::int as n from pg_stat_activity where query like $1 and pid <> pg_backend_pid()", [`%${tag}%`]);
  return res.rows[0].n as number;
}

/** Whether the data source's one slot is free now: another query would get it at once. */
async function slotFree(): Promise<boolean> {
  try {
    const slot = await acquireSlot(dataSourceId, 1, AbortSignal.timeout(400));
    await slot.release();
    return true;
  } catch {
    return false;
  }
}

/** Tracks a promise, so a test can say it has not settled yet. */
function track<T>(p: Promise<T>) {
  const state = { settled: false, promise: p };
  p.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = "";
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) text += Buffer.from(chunk).toString("utf8");
  return text;
}

describe("a CSV export and the data source's maximum of concurrent queries", () => {
  for (const path of ["COPY", "cursor"] as const) {
    it(`waits for a slot, then holds it until the download has ended (${path} path)`, async () => {
      const tag = `export-wait-${path}-${suffix}`;
      // The COPY path takes queries without parameters; a bound parameter sends it through the cursor.
      const input =
        path === "COPY"
          ? { text: `select g, '${tag}' as tag from generate_series(1, 20000) g`, values: [] }
          : { text: `select g, '${tag}' as tag from generate_series($1::int, 20000) g`, values: [1] };

      const held = await acquireSlot(dataSourceId, 1); // another process's query
      const exporting = track(exportQueryCsv({ dataSourceId, ...input, batchRows: 1000 }));
      await sleep(700);
      expect(exporting.settled).toBe(false);
      expect(await running(tag)).toBe(0);

      await held.release();
      const stream = await exporting.promise;
      // The export is streaming and holds the slot: anyone else waits now.
      expect(await slotFree()).toBe(false);
      const csv = await readAll(stream);
      expect(csv.split("\n")).toHaveLength(20_002); // header, 20,000 rows, final newline
      expect(await slotFree()).toBe(true);
    });
  }

  it("gives the slot back when the download is abandoned half-way, and when the SQL fails", async () => {
    const stream = await exportQueryCsv({ dataSourceId, text: "select g from generate_series($1::int, 200000) g", values: [1], batchRows: 1000 });
    const reader = stream.getReader();
    expect((await reader.read()).done).toBe(false);
    expect(await slotFree()).toBe(false);
    await reader.cancel();
    expect(await slotFree()).toBe(true);

    const copy = await exportQueryCsv({ dataSourceId, text: "select g from generate_series(1, 200000) g", values: [] });
    const copyReader = copy.getReader();
    expect((await copyReader.read()).done).toBe(false);
    await copyReader.cancel();
    expect(await slotFree()).toBe(true);

    await expect(exportQueryCsv({ dataSourceId, text: "select nope", values: [] })).rejects.toThrow('column "nope" does not exist');
    await expect(exportQueryCsv({ dataSourceId, text: "select $1::int / 0", values: [1] })).rejects.toThrow("division by zero");
    expect(await slotFree()).toBe(true);
  });

  it("stops waiting when the request is aborted, and frees an export whose response never read it", async () => {
    const tag = `export-abort-${suffix}`;
    const held = await acquireSlot(dataSourceId, 1);
    const waiting = new AbortController();
    const exporting = exportQueryCsv({ dataSourceId, text: `select '${tag}'`, values: [], signal: waiting.signal });
    await sleep(200);
    waiting.abort();
    await expect(exporting).rejects.toThrow("cancelled");
    await held.release();
    expect(await running(tag)).toBe(0);
    expect(await slotFree()).toBe(true);

    // The client went away between the answer and the first read: the request's signal ends the export.
    const gone = new AbortController();
    await exportQueryCsv({ dataSourceId, text: "select g from generate_series(1, 200000) g", values: [], signal: gone.signal });
    expect(await slotFree()).toBe(false);
    gone.abort();
    expect(await slotFree()).toBe(true);
  });
});

describe("an XLSX export and the data source's maximum of concurrent queries", () => {
  it("waits for a slot, holds it until the download has ended, and gives it back when abandoned or aborted", async () => {
    const tag = `export-xlsx-${suffix}`;
    const held = await acquireSlot(dataSourceId, 1);
    const exporting = track(exportQueryXlsx({ dataSourceId, text: `select g, '${tag}' as tag from generate_series(1, 20000) g`, values: [], batchRows: 1000 }));
    await sleep(700);
    expect(exporting.settled).toBe(false);
    expect(await running(tag)).toBe(0);
    await held.release();
    const stream = await exporting.promise;
    expect(await slotFree()).toBe(false);
    let bytes = 0;
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
    expect(bytes).toBeGreaterThan(0);
    expect(await slotFree()).toBe(true);

    const abandoned = (await exportQueryXlsx({ dataSourceId, text: "select g from generate_series(1, 200000) g", values: [], batchRows: 1000 })).getReader();
    expect((await abandoned.read()).done).toBe(false);
    expect(await slotFree()).toBe(false);
    await abandoned.cancel();
    expect(await slotFree()).toBe(true);

    const gone = new AbortController();
    await exportQueryXlsx({ dataSourceId, text: "select g from generate_series(1, 200000) g", values: [], signal: gone.signal });
    expect(await slotFree()).toBe(false);
    gone.abort();
    expect(await slotFree()).toBe(true);

    await expect(exportQueryXlsx({ dataSourceId, text: "select $1::int / 0", values: [1] })).rejects.toThrow("division by zero");
    expect(await slotFree()).toBe(true);
  });
});

describe("schema introspection and the data source's maximum of concurrent queries", () => {
  it("waits for a slot like a query", async () => {
    const held = await acquireSlot(dataSourceId, 1);
    const loading = track(getSchemaTree(dataSourceId, { refresh: true }));
    await sleep(700);
    expect(loading.settled).toBe(false);
    await held.release();
    const tree = await loading.promise;
    expect(tree.schemas.map((s) => s.name)).toContain("demo");
    await waitFor("the introspection's slot to be free", slotFree);
  });
});
