import { describe, expect, it } from "vitest";
import { dayIndex } from "../calendar";
import { CopyWriter, encodeAll } from "./copy-writer";

const text = (w: CopyWriter) => w.take().toString("latin1");

describe("CopyWriter", () => {
  it("writes tab-separated rows in COPY text format", () => {
    const w = new CopyWriter();
    const [web] = encodeAll(["web"]);
    w.int(1).int(-42).bytes(web).bool(true).bool(0).null().ascii("quiet_fox7").end();
    w.int(0).money(499).money(5).money(119_999).end();
    expect(text(w)).toBe("1\t-42\tweb\tt\tf\t\\N\tquiet_fox7\n0\t4.99\t0.05\t1199.99\n");
  });

  it("formats dates and timestamps from day indexes", () => {
    const w = new CopyWriter();
    w.date(0).date(dayIndex("2026-11-22")).end();
    w.timestamp(dayIndex("2025-09-16"), 0).timestamp(1, 86_399).timestampAt(2 * 86_400 + 3661).end();
    expect(text(w)).toBe(
      "2024-11-25\t2026-11-22\n2025-09-16 00:00:00\t2024-11-26 23:59:59\t2024-11-27 01:01:01\n",
    );
  });

  it("reports full before a row could overflow the chunk and starts afresh after take()", () => {
    const w = new CopyWriter();
    expect(w.empty).toBe(true);
    let rows = 0;
    while (!w.full) {
      w.int(123_456_789).ascii("x".repeat(50)).end();
      rows++;
    }
    const chunk = w.take();
    expect(chunk.length).toBe(rows * 61);
    expect(w.empty).toBe(true);
    expect(w.full).toBe(false);
  });
});
