// A query result as an .xlsx workbook, written as the rows arrive: one ZIP entry per worksheet, deflated
// as it goes, so memory holds a batch of rows and zlib's window, never the workbook. Strings are inline
// (a shared-strings table would need every distinct string before the first sheet could be written).
import type pg from "pg";
import type { RowEncoder } from "../row-encoder";
import { SHEET_END_XML, SheetRowEncoder, sheetColumns, sheetStartXml } from "./sheet-xml";
import { contentTypesXml, ROOT_RELS_XML, sheetPath, STYLES_XML, workbookRelsXml, workbookXml } from "./workbook-parts";
import { ZipWriter, type ZipWriterOptions } from "./zip-writer";

/** Excel's 1,048,576 rows a sheet, less the header row; more rows continue on the next sheet. */
export const MAX_SHEET_DATA_ROWS = 1_048_575;

/** Sheet XML gathers in a buffer of this size before it goes to zlib. */
export const XML_BUFFER_BYTES = 64 * 1024;

export interface XlsxWriterOptions {
  /** Data rows a sheet holds before the next begins (a smaller number only in tests). */
  sheetRows?: number;
  zip?: ZipWriterOptions;
}

export class XlsxWriter implements RowEncoder {
  private readonly zip: ZipWriter;
  private readonly sheetRows: number;
  private encoder: SheetRowEncoder | undefined;
  private startXml = "";
  private sheets = 0;
  private rowsInSheet = 0;
  /**
   * Each row's XML is written into this one buffer as soon as it is built, and the buffer goes to zlib when
   * full: no batch-sized string for V8 to flatten and encode, no new buffer per batch. Reused once zlib
   * has taken its bytes (ZipWriter.write resolves when zlib has read them all into its own window).
   */
  private readonly xml = Buffer.allocUnsafe(XML_BUFFER_BYTES);
  private used = 0;

  constructor(options: XlsxWriterOptions = {}) {
    this.zip = new ZipWriter(options.zip);
    this.sheetRows = options.sheetRows ?? MAX_SHEET_DATA_ROWS;
  }

  async start(fields: Pick<pg.FieldDef, "name" | "dataTypeID">[]): Promise<Buffer[]> {
    const columns = sheetColumns(fields);
    this.encoder = new SheetRowEncoder(columns);
    this.startXml = sheetStartXml(columns);
    const out = [...(await this.zip.addEntry("_rels/.rels", ROOT_RELS_XML)), ...(await this.zip.addEntry("xl/styles.xml", STYLES_XML))];
    await this.openSheet(out);
    return out;
  }

  /**
   * The compressed bytes of the rows so far. Maybe none: zlib keeps its input until it has a block's worth,
   * and the last rows wait in the buffer for the next batch.
   */
  async rows(rows: (string | null)[][]): Promise<Buffer[]> {
    const encoder = this.encoder!;
    const out: Buffer[] = [];
    for (const row of rows) {
      // A new sheet only when a row is left for it: a full last sheet is not followed by an empty one.
      if (this.rowsInSheet === this.sheetRows) {
        await this.closeSheet(out);
        await this.openSheet(out);
      }
      this.rowsInSheet++;
      const xml = encoder.rowXml(row, this.rowsInSheet + 1);
      // Most rows fit in the buffer: no await (a microtask per row) unless zlib has to take the buffer.
      if (!this.bufferXml(xml)) await this.writeXml(xml, out);
    }
    return out;
  }

  /** The last sheet's end, the workbook (which lists the sheets, known only now) and the ZIP directory. */
  async end(): Promise<Buffer[]> {
    const out: Buffer[] = [];
    await this.closeSheet(out);
    out.push(
      ...(await this.zip.addEntry("xl/workbook.xml", workbookXml(this.sheets))),
      ...(await this.zip.addEntry("xl/_rels/workbook.xml.rels", workbookRelsXml(this.sheets))),
      ...(await this.zip.addEntry("[Content_Types].xml", contentTypesXml(this.sheets))),
      this.zip.finish(),
    );
    return out;
  }

  dispose(): void {
    this.zip.destroy();
  }

  private async openSheet(out: Buffer[]): Promise<void> {
    this.sheets++;
    this.rowsInSheet = 0;
    out.push(this.zip.startEntry(sheetPath(this.sheets)));
    await this.writeXml(this.startXml, out);
  }

  private async closeSheet(out: Buffer[]): Promise<void> {
    await this.writeXml(SHEET_END_XML, out);
    await this.flushXml(out);
    out.push(...(await this.zip.endEntry()));
  }

  /**
   * Adds `xml` to the buffer when it surely fits in what is left; false when it might not. A UTF-16 code
   * unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, makes 4).
   */
  private bufferXml(xml: string): boolean {
    if (this.used + xml.length * 3 > this.xml.length) return false;
    this.used += this.xml.write(xml, this.used, "utf8");
    return true;
  }

  /** Adds `xml` to the buffer, first sending the buffer to zlib when `xml` might not fit in what is left. */
  private async writeXml(xml: string, out: Buffer[]): Promise<void> {
    if (this.bufferXml(xml)) return;
    await this.flushXml(out);
    // A row larger than the buffer (long texts) goes to zlib on its own.
    if (!this.bufferXml(xml)) out.push(...(await this.zip.write(Buffer.from(xml, "utf8"))));
  }

  private async flushXml(out: Buffer[]): Promise<void> {
    if (this.used === 0) return;
    const bytes = this.xml.subarray(0, this.used);
    this.used = 0;
    out.push(...(await this.zip.write(bytes)));
  }
}
