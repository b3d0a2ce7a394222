// How a download ended, as the SQL page asks for it: a real export from the warehouse, its outcome kept in
// the integration Redis under the page's export id.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource } from "@/lib/data-sources/create-data-source";
import { getSettings } from "@/lib/env";
import { closeQueues } from "@/lib/jobs/queues";
import { connectionFromUrl } from "@/lib/warehouse/connection-from-url";
import { closeAllPools } from "@/lib/warehouse/pools";
import { exportErrorOf, getExportStatus, setExportStatus, withOutcome } from "./export-status";
import { exportQuery, type ExportFormat } from "./export-query";

let dataSourceId: string;
const user = `user-${randomBytes(3).toString("hex")}`;

beforeAll(async () => {
  const url = getSettings().DEMO_WAREHOUSE_URL!;
  dataSourceId = (await createDataSource({ name: `Export status ${randomBytes(3).toString("hex")}`, kind: "POSTGRES", config: connectionFromUrl(url, "demo") })).id;
});

afterAll(async () => {
  await closeQueues();
  await closeAllPools();
});

/** Exports as the route does with an export id, reads the download to its end, and answers how it ended. */
async function download(format: ExportFormat, sql: string, exportId: string) {
  await setExportStatus(exportId, user, { state: "running" });
  const stream = withOutcome(await exportQuery(format, { dataSourceId, text: sql, values: [], batchRows: 1000 }), (outcome) =>
    setExportStatus(exportId, user, outcome.state === "failed" ? { state: "failed", error: exportErrorOf(outcome.error) } : outcome),
  );
  let bytes = 0;
  let failure: unknown;
  try {
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  } catch (e) {
    failure = e;
  }
  return { bytes, failure };
}

describe("export status", () => {
  for (const format of ["csv", "xlsx"] as const) {
    it(`records why a ${format} download stopped part-way (an error after the first rows were sent)`, async () => {
      const exportId = randomUUID();
      // Row 300,000 divides by zero: megabytes after the start of the file went out (more than the
      // socket buffers hold, so the server cannot have reached the error before the first bytes were read).
      const { bytes, failure } = await download(format, "select g, 1 / (g - 300000) as x from generate_series(1, 310000) g", exportId);
      expect(bytes).toBeGreaterThan(0);
      expect(failure).toBeInstanceOf(Error);
      expect(await getExportStatus(exportId, user)).toEqual({ state: "failed", error: { code: "QUERY_FAILED", message: "division by zero", sqlState: "22012" } });
    });
  }

  it("records a download that ended well, and keeps it from other users", async () => {
    const exportId = randomUUID();
    expect(await getExportStatus(exportId, user)).toEqual({ state: "unknown" });
    const { failure } = await download("csv", "select g from generate_series(1, 2500) g", exportId);
    expect(failure).toBeUndefined();
    expect(await getExportStatus(exportId, user)).toEqual({ state: "done" });
    expect(await getExportStatus(exportId, "someone-else")).toEqual({ state: "unknown" });
  });

  it("records a download the reader abandoned", async () => {
    const exportId = randomUUID();
    await setExportStatus(exportId, user, { state: "running" });
    const stream = withOutcome(await exportQuery("csv", { dataSourceId, text: "select g from generate_series(1, 100000) g", values: [], batchRows: 1000 }), (outcome) =>
      setExportStatus(exportId, user, outcome.state === "failed" ? { state: "failed", error: exportErrorOf(outcome.error) } : outcome),
    );
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(await getExportStatus(exportId, user)).toEqual({ state: "cancelled" });
  });
});
