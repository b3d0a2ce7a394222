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
    threshold: COMPRESSION_THRESHOLD_BYTES,
    brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  }) as unknown as NodeMiddleware;
}
