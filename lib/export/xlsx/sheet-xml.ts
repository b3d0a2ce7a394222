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

/** Rows numbered from `firstRow` (the sheet's row number, header being 1). */
export function rowsXml(columns: SheetColumn[], rows: (string | null)[][], firstRow: number): string {
  let xml = "";
  for (let i = 0; i < rows.length; i++) {
    const r = firstRow + i;
    const row = rows[i];
    xml += `<row r="${r}">`;
    for (let c = 0; c < columns.length; c++) {
      const value = row[c];
      if (value !== null) xml += encodeCell(columns[c].letters + r, columns[c].kind, value);
    }
    xml += "</row>";
  }
  return xml;
}

export const SHEET_END_XML = "</sheetData></worksheet>";
