// The web process: Next's request handler (the production build in .next) behind a Node HTTP server
// that compresses responses itself with fast settings (lib/http/compression.ts); next.config.js turns
// Next's own compression off. Otherwise what `next start` does.
// Run: node --import tsx lib/launcher/web-server.ts [-p port] [-H hostname]   (NODE_ENV=production)
import http from "node:http";
import next from "next";
import { createCompression } from "@/lib/http/compression";

function argument(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const port = Number(argument("-p") ?? 3000);
  const hostname = argument("-H");
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const compress = createCompression();
  const server = http.createServer((req, res) => {
    compress(req, res, () => {
      handle(req, res).catch((e: unknown) => {
        console.error("Request failed:", e);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    });
  });
  server.listen(port, hostname, () => console.log(`Web app listening on ${hostname ?? "*"}:${port}`));

  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    // Stops accepting connections, lets requests in progress finish (idle keep-alive ones are closed),
    // then lets Next release what it holds.
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
