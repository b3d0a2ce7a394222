// A worksheet's XML, written in pieces: the start (column widths, the frozen bold header row), rows, end.
import { cellKindOf, cellRest, columnLetters, STYLE, textCell, type CellKind } from "./cells";

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

/**
 * Data rows as XML, one at a time. Each column's cell is its letters and the row number in front of the
 * rest of the cell (cells.ts cellRest), which is reused while the column repeats its value: a date, a
 * category or a flag often does for many rows, and then its cell costs a string comparison.
 */
export class SheetRowEncoder {
  private readonly kinds: CellKind[];
  /** `<c r="B`, the start of each column's cells. */
  private readonly opens: string[];
  private readonly lastValues: (string | null)[];
  private readonly lastRests: string[];

  constructor(columns: SheetColumn[]) {
    this.kinds = columns.map((c) => c.kind);
    this.opens = columns.map((c) => `<c r="${c.letters}`);
    this.lastValues = columns.map(() => null);
    this.lastRests = columns.map(() => "");
  }

  /** Row `r` of the sheet (the header being 1); NULL is no cell. */
  rowXml(row: (string | null)[], r: number): string {
    const number = String(r);
    let xml = '<row r="' + number + '">';
    for (let c = 0; c < this.kinds.length; c++) {
      const value = row[c];
      if (value === null) continue;
      let rest = this.lastRests[c];
      if (value !== this.lastValues[c]) {
        rest = cellRest(this.kinds[c], value);
        this.lastValues[c] = value;
        this.lastRests[c] = rest;
      }
      xml += this.opens[c] + number + rest;
    }
    return xml + "</row>";
  }
}

export const SHEET_END_XML = "</sheetData></worksheet>";
