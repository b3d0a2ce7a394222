// A worksheet's XML, written in pieces: the start (column widths, the frozen bold header row), rows, end.
import { cellKindOf, columnLetters, encodeCell, STYLE, textCell, type CellKind } from "./cells";

export interface SheetColumn {
  kind: CellKind;
  letters: string;
  /** The header cell's text: the column name, with "(UTC)" for a timestamptz (written in UTC). */
  header: string;
}

export function sheetColumns(fields: { name: string; dataTypeID: number }[]): SheetColumn[] {
  return fields.map((f, i) => {
    const kind = cellKindOf(f.dataTypeID);
    return { kind, letters: columnLetters(i), header: kind === "timestamptz" ? `${f.name} (UTC)` : f.name };
  });
}

/** Wide enough that a date shows instead of "#####", and that the header reads whole (within reason). */
function columnWidth(c: SheetColumn): number {
  const data = c.kind === "date" ? 12 : c.kind === "timestamp" || c.kind === "timestamptz" ? 20 : 10;
  return Math.max(data, Math.min(60, c.header.length + 3));
}

export function sheetStartXml(columns: SheetColumn[]): string {
  const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${columnWidth(c)}" customWidth="1"/>`).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    // The header row stays in view while scrolling (a frozen pane below row 1).
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    '<sheetData><row r="1">' +
    columns.map((c) => textCell(`${c.letters}1`, c.header, STYLE.header)).join("") +
    "</row>"
  );
}

export const XML_CHUNK_BYTES = 64 * 1024;

/**
 * Rows numbered from `firstRow` (the sheet's row number, header being 1) as UTF-8, in chunks of about
 * `chunkBytes`. Each row is written into a preallocated buffer as soon as it is built: like the CSV
 * encoder (csv.ts), because one string of a whole batch costs more to flatten and encode than the rows.
 */
export function encodeSheetRows(columns: SheetColumn[], rows: (string | null)[][], firstRow: number, chunkBytes = XML_CHUNK_BYTES): Buffer[] {
  const chunks: Buffer[] = [];
  let chunk = Buffer.allocUnsafe(chunkBytes);
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    const xml = rowXml(columns, rows[i], firstRow + i);
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, makes 4).
    const room = xml.length * 3;
    if (used + room > chunk.length) {
      if (used > 0) chunks.push(chunk.subarray(0, used));
      chunk = Buffer.allocUnsafe(Math.max(chunkBytes, room));
      used = 0;
    }
    used += chunk.write(xml, used, "utf8");
  }
  if (used > 0) chunks.push(chunk.subarray(0, used));
  return chunks;
}

function rowXml(columns: SheetColumn[], row: (string | null)[], r: number): string {
  let xml = `<row r="${r}">`;
  for (let c = 0; c < columns.length; c++) {
    const value = row[c];
    if (value !== null) xml += encodeCell(columns[c].letters + r, columns[c].kind, value);
  }
  return xml + "</row>";
}

export const SHEET_END_XML = "</sheetData></worksheet>";
