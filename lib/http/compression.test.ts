import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPRESSION_THRESHOLD_BYTES, createCompression } from "./compression";

// A result shaped like the run API's: 20,000 rows as arrays, about 1 MB of JSON.
const large = JSON.stringify({
  columns: [{ name: "id" }, { name: "at" }, { name: "client" }],
  rows: Array.from({ length: 20_000 }, (_, i) => [i, `2026-07-${String((i % 28) + 1).padStart(2, "0")}T12:00:00`, ["web", "iphone", "android"][i % 3]]),
});
const small = JSON.stringify({ ok: true });

let server: http.Server;
let base: string;

beforeAll(async () => {
  const compress = createCompression();
  // Writes the way Next's pipeToNodeResponse does: chunks, each followed by res.flush() when present.
  server = http.createServer((req, res) => {
    compress(req, res, () => {
      const url = new URL(req.url!, "http://x");
      const chunks =
        url.pathname === "/streamed"
            ? [large.slice(0, 1000), large.slice(1000, 500_000), large.slice(500_000)]
            : [large];
      if (url.pathname === "/no-transform") res.setHeader("cache-control", "no-store, no-transform");
      res.setHeader("content-type", "application/json");
      // A body given whole to end() has a known length, so the threshold applies (a streamed one has none).
      if (url.pathname === "/small") return void res.end(small);
      for (const c of chunks) {
        res.write(c);
        (res as unknown as { flush?: () => void }).flush?.();
      }
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** The raw bytes and headers, without any client-side decoding (fetch would decode). */
function get(path: string, acceptEncoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("createCompression", () => {
  it("gzips a large JSON response for a client that accepts gzip, and it decodes to the same JSON", async () => {
    const { headers, body } = await get("/", "gzip, deflate");
    expect(headers["content-encoding"]).toBe("gzip");
    expect(headers["vary"]).toBe("Accept-Encoding");
    expect(body.length).toBeLessThan(large.length / 3);
    expect(zlib.gunzipSync(body).toString("utf8")).toBe(large);
  });

  it("uses brotli when the client accepts it, decoding to the same JSON", async () => {
    const { headers, body } = await get("/", "gzip, deflate, br");
    expect(headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(body).toString("utf8")).toBe(large);
  });

  it("keeps a streamed response, flushed chunk by chunk, intact", async () => {
    const { headers, body } = await get("/streamed", "gzip");
    expect(headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(body).toString("utf8")).toBe(large);
  });

  it("sends plain JSON to a client that asks for identity", async () => {
    const { headers, body } = await get("/", "identity");
    expect(headers["content-encoding"]).toBeUndefined();
    expect(body.toString("utf8")).toBe(large);
  });

  it("leaves small bodies of known length and no-transform responses uncompressed", async () => {
    expect(small.length).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    const s = await get("/small", "gzip, br");
    expect(s.headers["content-encoding"]).toBeUndefined();
    expect(s.body.toString("utf8")).toBe(small);
    const n = await get("/no-transform", "gzip, br");
    expect(n.headers["content-encoding"]).toBeUndefined();
    expect(n.body.toString("utf8")).toBe(large);
  });
});
