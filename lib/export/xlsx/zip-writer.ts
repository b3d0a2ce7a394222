// A ZIP archive written front to back, so a download never holds a whole entry: each entry's CRC and sizes
// follow its data in a data descriptor (general-purpose flag bit 3), and the central directory, which
// readers (Excel, LibreOffice, unzip, Python's zipfile) take sizes and offsets from, comes at the end.
// ZIP64: a size or offset from 4 GiB up is written as 0xFFFFFFFF with the real value in the central
// directory's ZIP64 extra field, the data descriptor then carries 8-byte sizes, and the archive ends with
// the ZIP64 end record and its locator. That is what Go's archive/zip and Java's ZipOutputStream write
// when they stream (the local header, written before the size is known, has no ZIP64 field).
import zlib from "node:zlib";

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
/** Bit 3: CRC and sizes follow the data. Bit 11: the name is UTF-8. */
const FLAGS = 0x0008 | 0x0800;
const DEFLATE = 8;
const VERSION_DEFAULT = 20;
const VERSION_ZIP64 = 45;
const UINT32_MAX = 0xffffffff;
const UINT16_MAX = 0xffff;
const DEFAULT_LEVEL = 4;

export interface ZipWriterOptions {
  /** Sizes and offsets from this value up are written as ZIP64. 4 GiB; lower only to test the ZIP64 records. */
  zip64From?: number;
  /**
   * zlib level, 1 (fast) to 9 (small). 4 by default: on sheet XML its files are about the size of zlib's
   * usual 6 (within 0.5% on bench/export-csv.ts's query, 11% larger on text-heavy rows) for a quarter to two
   * thirds less CPU; 1 costs a little less again, for files 6-25% larger than 6's (bench/README.md).
   */
  level?: number;
  /** Modification time of every entry. */
  date?: Date;
}

interface WrittenEntry {
  name: Buffer;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

interface OpenEntry extends WrittenEntry {
  deflate: zlib.DeflateRaw;
  out: Buffer[];
  failed?: Error;
}

/**
 * Usage: `startEntry(name)`, `write(bytes)` any number of times, `endEntry()`; then `finish()`. Every call
 * returns the archive's next bytes, in order; nothing already returned is kept.
 */
export class ZipWriter {
  private offset = 0;
  private readonly written: WrittenEntry[] = [];
  private entry: OpenEntry | undefined;
  private readonly zip64From: number;
  private readonly level: number;
  private readonly dosTime: number;
  private readonly dosDate: number;

  constructor(options: ZipWriterOptions = {}) {
    this.zip64From = options.zip64From ?? UINT32_MAX;
    this.level = options.level ?? DEFAULT_LEVEL;
    const d = options.date ?? new Date();
    this.dosTime = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
    this.dosDate = ((Math.max(1980, d.getUTCFullYear()) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  }

  /** The local header of a new deflated entry. */
  startEntry(name: string): Buffer {
    if (this.entry) throw new Error(`ZIP entry ${this.entry.name.toString()} is still open`);
    const nameBytes = Buffer.from(name, "utf8");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION_DEFAULT, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.dosTime, 10);
    header.writeUInt16LE(this.dosDate, 12);
    // CRC, sizes (14..25) stay 0: they are in the data descriptor. Name length, no extra field.
    header.writeUInt16LE(nameBytes.length, 26);
    const deflate = zlib.createDeflateRaw({ level: this.level });
    const entry: OpenEntry = { name: nameBytes, crc: 0, compressedSize: 0, size: 0, offset: this.offset, deflate, out: [] };
    deflate.on("data", (chunk: Buffer) => {
      entry.out.push(chunk);
      entry.compressedSize += chunk.length;
    });
    deflate.on("error", (e: Error) => (entry.failed = e));
    this.entry = entry;
    return this.advance(Buffer.concat([header, nameBytes]));
  }

  /** Compresses `data` into the open entry; returns the compressed bytes zlib has produced so far. */
  async write(data: Buffer): Promise<Buffer[]> {
    const entry = this.openEntry();
    if (data.length === 0) return [];
    entry.crc = zlib.crc32(data, entry.crc);
    entry.size += data.length;
    await new Promise<void>((resolve, reject) => entry.deflate.write(data, (e) => (e ? reject(e) : resolve())));
    return this.takeOutput(entry);
  }

  /** The rest of the entry's compressed bytes and its data descriptor. */
  async endEntry(): Promise<Buffer[]> {
    const entry = this.openEntry();
    await new Promise<void>((resolve, reject) => {
      entry.deflate.once("end", resolve);
      entry.deflate.once("error", reject);
      entry.deflate.end();
    });
    const chunks = this.takeOutput(entry);
    this.entry = undefined;
    this.written.push({ name: entry.name, crc: entry.crc, compressedSize: entry.compressedSize, size: entry.size, offset: entry.offset });
    const zip64 = this.isZip64(entry.size) || this.isZip64(entry.compressedSize);
    const descriptor = Buffer.alloc(zip64 ? 24 : 16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(entry.crc, 4);
    if (zip64) {
      descriptor.writeBigUInt64LE(BigInt(entry.compressedSize), 8);
      descriptor.writeBigUInt64LE(BigInt(entry.size), 16);
    } else {
      descriptor.writeUInt32LE(entry.compressedSize, 8);
      descriptor.writeUInt32LE(entry.size, 12);
    }
    chunks.push(this.advance(descriptor));
    return chunks;
  }

  /** One whole entry from bytes already in memory (the small parts of a workbook). */
  async addEntry(name: string, data: Buffer | string): Promise<Buffer[]> {
    return [this.startEntry(name), ...(await this.write(Buffer.from(data))), ...(await this.endEntry())];
  }

  /** The central directory and the end records: the archive's last bytes. */
  finish(): Buffer {
    if (this.entry) throw new Error(`ZIP entry ${this.entry.name.toString()} is still open`);
    const directoryOffset = this.offset;
    const parts = this.written.map((e) => this.centralHeader(e));
    const directorySize = parts.reduce((n, p) => n + p.length, 0);
    const count = this.written.length;
    const zip64 = count >= UINT16_MAX || this.isZip64(directoryOffset) || this.isZip64(directorySize);
    if (zip64) {
      const end64Offset = directoryOffset + directorySize;
      const end64 = Buffer.alloc(56);
      end64.writeUInt32LE(ZIP64_END_OF_CENTRAL_DIRECTORY, 0);
      end64.writeBigUInt64LE(44n, 4); // size of the rest of this record
      end64.writeUInt16LE(VERSION_ZIP64, 12);
      end64.writeUInt16LE(VERSION_ZIP64, 14);
      // disk numbers (16..23) are 0
      end64.writeBigUInt64LE(BigInt(count), 24);
      end64.writeBigUInt64LE(BigInt(count), 32);
      end64.writeBigUInt64LE(BigInt(directorySize), 40);
      end64.writeBigUInt64LE(BigInt(directoryOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(ZIP64_LOCATOR, 0);
      locator.writeBigUInt64LE(BigInt(end64Offset), 8);
      locator.writeUInt32LE(1, 16); // total number of disks
      parts.push(end64, locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(Math.min(count, UINT16_MAX), 8);
    end.writeUInt16LE(Math.min(count, UINT16_MAX), 10);
    end.writeUInt32LE(zip64 ? UINT32_MAX : directorySize, 12);
    end.writeUInt32LE(zip64 ? UINT32_MAX : directoryOffset, 16);
    parts.push(end);
    return this.advance(Buffer.concat(parts));
  }

  /** Frees zlib's memory of an entry left open (the download was abandoned). */
  destroy(): void {
    this.entry?.deflate.destroy();
    this.entry = undefined;
  }

  private centralHeader(e: WrittenEntry): Buffer {
    // The ZIP64 extra field holds, in this order, only the values too large for their 4-byte field.
    const large = [e.size, e.compressedSize, e.offset].map((v) => this.isZip64(v));
    const extraValues = [e.size, e.compressedSize, e.offset].filter((_, i) => large[i]);
    const extra = Buffer.alloc(extraValues.length > 0 ? 4 + 8 * extraValues.length : 0);
    if (extraValues.length > 0) {
      extra.writeUInt16LE(ZIP64_EXTRA, 0);
      extra.writeUInt16LE(8 * extraValues.length, 2);
      extraValues.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
    }
    const version = extraValues.length > 0 ? VERSION_ZIP64 : VERSION_DEFAULT;
    const h = Buffer.alloc(46);
    h.writeUInt32LE(CENTRAL_HEADER, 0);
    h.writeUInt16LE(version, 4); // made by: MS-DOS attributes, this version
    h.writeUInt16LE(version, 6);
    h.writeUInt16LE(FLAGS, 8);
    h.writeUInt16LE(DEFLATE, 10);
    h.writeUInt16LE(this.dosTime, 12);
    h.writeUInt16LE(this.dosDate, 14);
    h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(large[1] ? UINT32_MAX : e.compressedSize, 20);
    h.writeUInt32LE(large[0] ? UINT32_MAX : e.size, 24);
    h.writeUInt16LE(e.name.length, 28);
    h.writeUInt16LE(extra.length, 30);
    // comment length, disk number, attributes (32..41) are 0
    h.writeUInt32LE(large[2] ? UINT32_MAX : e.offset, 42);
    return Buffer.concat([h, e.name, extra]);
  }

  private isZip64(value: number): boolean {
    return value >= this.zip64From;
  }

  private openEntry(): OpenEntry {
    if (!this.entry) throw new Error("No ZIP entry is open");
    if (this.entry.failed) throw this.entry.failed;
    return this.entry;
  }

  private takeOutput(entry: OpenEntry): Buffer[] {
    const chunks = entry.out;
    entry.out = [];
    for (const c of chunks) this.offset += c.length;
    return chunks;
  }

  private advance(bytes: Buffer): Buffer {
    this.offset += bytes.length;
    return bytes;
  }
}
