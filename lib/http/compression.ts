// Response compression for the web process (lib/launcher/web-server.ts), in place of Next's built-in
// `compress`, which gzips at zlib's default level 6 and cannot be tuned.
//
// Why not in the route handlers: Next 16.4's sendResponse drops a route handler's own Content-Encoding
// header (it treats it like content-length, as if fetch had decoded the body), so a handler that gzips
// its body gets it gzipped a second time by Next and the browser, decoding once, sees garbage. Only the
// Node server around Next can choose the encoding. See bench/README.md "Run-path overhead".
import { constants as zlib } from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import compression from "compression";

/**
 * Fast settings, measured on a 6 MB result of 100,000 rows (bench/README.md): gzip level 1 is 1.63 MB
 * against level 6's 1.32 MB for about a third of the CPU; brotli quality 1 is 1.54 MB and cheaper still,
 * where brotli's usual quality 4 costs more than gzip 6. The bytes saved by slower settings are worth
 * less than the CPU on the networks Spyglass runs on (an office or a VPN in front of a warehouse).
 */
export const GZIP_LEVEL = 1;
export const BROTLI_QUALITY = 1;
/**
 * Bodies smaller than this go out as they are: the framing would eat most of the gain. Only bodies of
 * known length: Next streams route handler responses without a Content-Length, so those are compressed
 * whatever their size (as Next's own compression did), which costs microseconds on a small body.
 */
export const COMPRESSION_THRESHOLD_BYTES = 1024;
/**
 * zlib's output chunk. Its default, 16 KiB, cuts a 1.6 MB gzip of a large result into ~100 pieces, each a
 * round trip from the thread pool to the event loop and an HTTP chunk that the client's decoder takes on
 * its own: measured on a 8 MB JSON body, 128 KiB cut the server's CPU for gzip by about a quarter and
 * the client's decoding by about a third (bench/README.md "Run-path overhead"). A small response still
 * gets one small chunk: zlib hands out only what it produced.
 */
export const COMPRESSION_CHUNK_BYTES = 128 * 1024;

export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Express-style middleware: negotiates br / gzip / deflate / identity from Accept-Encoding, sets
 * Content-Encoding and Vary: Accept-Encoding, leaves alone responses already encoded, responses with
 * `Cache-Control: no-transform`, types that do not compress (images, zip) and bodies under the threshold.
 * Streamed responses (React server components) keep streaming: Next calls `res.flush()` per chunk.
 */
export function createCompression(): NodeMiddleware {
  return compression({
    level: GZIP_LEVEL,
    chunkSize: COMPRESSION_CHUNK_BYTES,
    threshold: COMPRESSION_THRESHOLD_BYTES,
    brotli: { chunkSize: COMPRESSION_CHUNK_BYTES, params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  }) as unknown as NodeMiddleware;
}
