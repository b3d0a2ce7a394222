// Streams the full result of a query as an .xlsx workbook (xlsx/xlsx-writer.ts), through the same
// warehouse connection, slot and server-side cursor as the CSV export. Always the cursor: the cells' types
// come from the columns' type OIDs. The session is in UTC, so a timestamptz is written as its UTC instant.
import { EXPORT_BATCH_ROWS, openExportConnection, type ExportInput } from "./export-connection";
import { streamCursorExport } from "./stream-cursor-export";
import { XlsxWriter, type XlsxWriterOptions } from "./xlsx/xlsx-writer";

export async function exportQueryXlsx(input: Omit<ExportInput, "timeZone"> & { xlsx?: XlsxWriterOptions }): Promise<ReadableStream<Uint8Array>> {
  const conn = await openExportConnection({ ...input, timeZone: "UTC" });
  return streamCursorExport(conn, input.values, input.batchRows ?? EXPORT_BATCH_ROWS, new XlsxWriter(input.xlsx));
}
