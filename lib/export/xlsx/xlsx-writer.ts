// A query result as an .xlsx workbook, written as the rows arrive: one ZIP entry per worksheet, deflated
// as it goes, so memory holds a batch of rows and zlib's window, never the workbook. Strings are inline
// (a shared-strings table would need every distinct string before the first sheet could be written).
import type pg from "pg";
import type { RowEncoder } from "../row-encoder";
import { rowsXml, SHEET_END_XML, sheetColumns, sheetStartXml, type SheetColumn } from "./sheet-xml";
import { contentTypesXml, ROOT_RELS_XML, sheetPath, STYLES_XML, workbookRelsXml, workbookXml } from "./workbook-parts";
import { ZipWriter, type ZipWriterOptions } from "./zip-writer";

/** Excel's 1,048,576 rows a sheet, less the header row; more rows continue on the next sheet. */
export const MAX_SHEET_DATA_ROWS = 1_048_575;

export interface XlsxWriterOptions {
  /** Data rows a sheet holds before the next begins (a smaller number only in tests). */
  sheetRows?: number;
  zip?: ZipWriterOptions;
}

export class XlsxWriter implements RowEncoder {
  private readonly zip: ZipWriter;
  private readonly sheetRows: number;
  private columns: SheetColumn[] = [];
  private sheets = 0;
  private rowsInSheet = 0;

  constructor(options: XlsxWriterOptions = {}) {
    this.zip = new ZipWriter(options.zip);
    this.sheetRows = options.sheetRows ?? MAX_SHEET_DATA_ROWS;
  }

  async start(fields: Pick<pg.FieldDef, "name" | "dataTypeID">[]): Promise<Buffer[]> {
    this.columns = sheetColumns(fields);
    return [
      ...(await this.zip.addEntry("_rels/.rels", ROOT_RELS_XML)),
      ...(await this.zip.addEntry("xl/styles.xml", STYLES_XML)),
      ...(await this.openSheet()),
    ];
  }

  async rows(rows: (string | null)[][]): Promise<Buffer[]> {
    const out: Buffer[] = [];
    for (let i = 0; i < rows.length; ) {
      // A new sheet only when a row is left for it: a full last sheet is not followed by an empty one.
      if (this.rowsInSheet === this.sheetRows) out.push(...(await this.closeSheet()), ...(await this.openSheet()));
      const take = Math.min(rows.length - i, this.sheetRows - this.rowsInSheet);
      const part = take === rows.length ? rows : rows.slice(i, i + take);
      out.push(...(await this.zip.write(Buffer.from(rowsXml(this.columns, part, this.rowsInSheet + 2)))));
      this.rowsInSheet += take;
      i += take;
    }
    return out;
  }

  /** The last sheet's end, the workbook (which lists the sheets, known only now) and the ZIP directory. */
  async end(): Promise<Buffer[]> {
    return [
      ...(await this.closeSheet()),
      ...(await this.zip.addEntry("xl/workbook.xml", workbookXml(this.sheets))),
      ...(await this.zip.addEntry("xl/_rels/workbook.xml.rels", workbookRelsXml(this.sheets))),
      ...(await this.zip.addEntry("[Content_Types].xml", contentTypesXml(this.sheets))),
      this.zip.finish(),
    ];
  }

  dispose(): void {
    this.zip.destroy();
  }

  private async openSheet(): Promise<Buffer[]> {
    this.sheets++;
    this.rowsInSheet = 0;
    return [this.zip.startEntry(sheetPath(this.sheets)), ...(await this.zip.write(Buffer.from(sheetStartXml(this.columns))))];
  }

  private async closeSheet(): Promise<Buffer[]> {
    return [...(await this.zip.write(Buffer.from(SHEET_END_XML))), ...(await this.zip.endEntry())];
  }
}
