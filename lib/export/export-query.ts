// A query's full result as a download in the format asked for: its bytes, media type and file extension.
import type { ExportInput } from "./export-connection";
import { exportQueryCsv } from "./export-query-csv";
import { exportQueryXlsx } from "./export-query-xlsx";

export type ExportFormat = "csv" | "xlsx";

export const EXPORT_FORMATS: Record<ExportFormat, { contentType: string; extension: string }> = {
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
};

export function exportQuery(format: ExportFormat, input: ExportInput): Promise<ReadableStream<Uint8Array>> {
  return format === "xlsx" ? exportQueryXlsx(input) : exportQueryCsv(input);
}
