// Writes COPY text format (tab-separated, \N for null, one row a line) straight into byte buffers, so a
// million rows cost no intermediate strings. Each value method writes the tab before it (except the first
// of a row), so a row reads `w.int(id).date(day).bytes(NAME).end()`. Generators yield a chunk whenever `full` says so; the loader
// streams the chunks with backpressure, so no table is ever held in memory. All text is ASCII.
import { PLAN_DAYS, dateString } from "../calendar";

export const CHUNK_BYTES = 64 * 1024;
/** Longest row any demo table writes, with room to spare. */
const MAX_ROW_BYTES = 1024;

/** A COPY generator: yields chunks of complete lines. */
export type RowChunks = Generator<Buffer, void, undefined>;

const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;
const N = 78;
const ZERO = 48;

/** Each day's 'YYYY-MM-DD', 10 bytes apiece. */
const DATE_BYTES = Buffer.from(Array.from({ length: PLAN_DAYS }, (_, d) => dateString(d)).join(""), "latin1");
const TRUE_BYTE = 116; // t
const FALSE_BYTE = 102; // f

/** Pre-encodes the values of an enumeration. */
export function encodeAll(values: readonly string[]): Uint8Array[] {
  return values.map((v) => Buffer.from(v, "latin1"));
}

export class CopyWriter {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private pos = 0;
  private rowStart = 0;

  /** The tab between fields. */
  private sep() {
    if (this.pos !== this.rowStart) this.buf[this.pos++] = TAB;
  }

  /** True when the chunk may not hold another row: yield `take()`. */
  get full(): boolean {
    return this.pos > CHUNK_BYTES - MAX_ROW_BYTES;
  }

  get empty(): boolean {
    return this.pos === 0;
  }

  /** The bytes written so far; the writer starts a fresh chunk. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    this.pos = 0;
    this.rowStart = 0;
    return out;
  }

  /** An integer (ids, counts): |n| < 2^31. */
  int(n: number): this {
    this.sep();
    const b = this.buf;
    let p = this.pos;
    if (n < 0) {
      b[p++] = 45;
      n = -n;
    }
    let len = 1;
    for (let x = n; x >= 10; x = (x / 10) | 0) len++;
    p += len;
    let q = p;
    do {
      b[--q] = ZERO + (n % 10);
      n = (n / 10) | 0;
    } while (n > 0);
    this.pos = p;
    return this;
  }

  /** Pre-encoded bytes (see `encodeAll`). */
  bytes(v: Uint8Array): this {
    this.sep();
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < v.length; i++) b[p++] = v[i];
    this.pos = p;
    return this;
  }

  /** An ASCII string with no tab, newline or backslash. */
  ascii(s: string): this {
    this.sep();
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
    return this;
  }

  bool(v: number | boolean): this {
    this.sep();
    this.buf[this.pos++] = v ? TRUE_BYTE : FALSE_BYTE;
    return this;
  }

  /** SQL null. */
  null(): this {
    this.sep();
    this.buf[this.pos++] = BACKSLASH;
    this.buf[this.pos++] = N;
    return this;
  }

  /** 'YYYY-MM-DD' of a day index. */
  date(day: number): this {
    this.sep();
    const b = this.buf;
    let p = this.pos;
    const from = day * 10;
    for (let i = 0; i < 10; i++) b[p++] = DATE_BYTES[from + i];
    this.pos = p;
    return this;
  }

  /** 'YYYY-MM-DD HH:MM:SS' of a day index and a second of that day. */
  timestamp(day: number, second: number): this {
    this.date(day);
    const b = this.buf;
    let p = this.pos;
    const h = (second / 3600) | 0;
    const m = ((second - h * 3600) / 60) | 0;
    const s = second - h * 3600 - m * 60;
    b[p++] = 32;
    b[p++] = ZERO + ((h / 10) | 0);
    b[p++] = ZERO + (h % 10);
    b[p++] = 58;
    b[p++] = ZERO + ((m / 10) | 0);
    b[p++] = ZERO + (m % 10);
    b[p++] = 58;
    b[p++] = ZERO + ((s / 10) | 0);
    b[p++] = ZERO + (s % 10);
    this.pos = p;
    return this;
  }

  /** A timestamp given in seconds since the start of the calendar. */
  timestampAt(absoluteSecond: number): this {
    const day = Math.floor(absoluteSecond / 86_400);
    return this.timestamp(day, absoluteSecond - day * 86_400);
  }

  /** Whole cents as '12.34' (non-negative). */
  money(cents: number): this {
    this.int(Math.floor(cents / 100));
    const c = cents % 100;
    const b = this.buf;
    b[this.pos++] = 46;
    b[this.pos++] = ZERO + ((c / 10) | 0);
    b[this.pos++] = ZERO + (c % 10);
    return this;
  }

  /** Ends a row. */
  end(): this {
    this.buf[this.pos++] = NEWLINE;
    this.rowStart = this.pos;
    return this;
  }
}
