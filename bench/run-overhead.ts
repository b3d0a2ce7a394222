// Overhead of Spyglass's run path over raw pg, on the same 100,000-row query, in one run:
//   - over HTTP (when a build exists in .next): POST /api/queries/run on the web server (lib/launcher/
//     web-server.ts, as `npm start` runs it) with a signed-in session, timed until the whole JSON response
//     has arrived (decompressed) — what the SQL page waits for; asking for gzip like a browser on http,
//     for brotli too like a browser on https, and for the identity encoding;
//   - in-process: runAdHocQuery (snippets, parameters, single-flight, runQuery with cursor + JSON type
//     parsers, history row) and JSON.stringify of the response, without the HTTP server;
//   - against raw pg: client.query with default parsing, measured alternately with each of the above.
// Run: npx tsx bench/run-overhead.ts [iterations=7] [--in-process]
import pg from "pg";
import { ensureDemoWarehouse } from "@/lib/demo/load-demo-warehouse";
import { median, startBenchEnv } from "./bench-env";
import { findBuild, readCpuMs, startWebApp, type WebApp } from "./web-app";

const SQL = "select * from demo.sessions limit 100000";

/**
 * Times `ours` and raw pg alternately (the first round warms both up); medians in ms. `ours` resolves to a
 * function counting its rows, called after the clock stops (parsing the HTTP response is the client's work).
 */
async function compare(iterations: number, raw: pg.Client, ours: () => Promise<() => number>, otherCpuMs: () => number = () => 0) {
  const spyglass: number[] = [];
  const baseline: number[] = [];
  // CPU time used by the client side (this process) and, over HTTP, the web process: less at the mercy of
  // other load on the machine than the wall clock.
  const spyglassCpu: number[] = [];
  const baselineCpu: number[] = [];
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000 + otherCpuMs();
  };
  for (let i = 0; i < iterations + 1; i++) {
    let cpu = cpuMs();
    let t = performance.now();
    const countRows = await ours();
    const a = performance.now() - t;
    const aCpu = cpuMs() - cpu;
    cpu = cpuMs();
    t = performance.now();
    const res = await raw.query(SQL);
    const b = performance.now() - t;
    const bCpu = cpuMs() - cpu;
    const rows = countRows();
    if (res.rows.length !== rows) throw new Error(`row counts differ: ${rows} vs ${res.rows.length}`);
    if (i > 0) {
      spyglass.push(a);
      baseline.push(b);
      spyglassCpu.push(aCpu);
      baselineCpu.push(bCpu);
    }
  }
  return { ms: median(spyglass), base: median(baseline), cpu: median(spyglassCpu), baseCpu: median(baselineCpu) };
}

async function main() {
  const iterations = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 7);
  const env = await startBenchEnv({ port: 54531 });
  let web: WebApp | undefined;
  try {
    const load = await ensureDemoWarehouse({ url: env.warehouseUrl, scale: 1 });
    console.log(`demo warehouse scale 1 loaded in ${(load.ms / 1000).toFixed(1)} s`);
    const { runAdHocQuery } = await import("@/lib/queries/run-ad-hoc-query");
    const { getDb } = await import("@/lib/db");
    const { hashPassword } = await import("@/lib/auth/password");
    const password = "bench password";
    const user = await getDb().user.create({ data: { email: "bench@example.com", name: "Bench", passwordHash: await hashPassword(password), role: "ADMIN" } });
    const raw = new pg.Client({ connectionString: env.warehouseUrl });
    await raw.connect();

    const lines: string[] = [];
    const report = (label: string, r: { ms: number; base: number; cpu: number; baseCpu: number }) =>
      lines.push(
        `  ${label.padEnd(72)} ${r.ms.toFixed(0).padStart(5)} ms   raw pg ${r.base.toFixed(0).padStart(4)} ms   ratio ${(r.ms / r.base).toFixed(2)}` +
          `   | CPU ${r.cpu.toFixed(0).padStart(4)} ms vs ${r.baseCpu.toFixed(0).padStart(4)} ms, ratio ${(r.cpu / r.baseCpu).toFixed(2)}`,
      );

    const build = process.argv.includes("--in-process") ? undefined : findBuild();
    if (build) {
      web = await startWebApp({ email: "bench@example.com", password });
      // fetch asks for gzip (and brotli) like a browser does, and the server compresses the response; the
      // identity run shows what the compression costs (on a real network it is worth it: the JSON shrinks
      // about 4 times). The size printed is what crossed the wire.
      const encodings = ["gzip, deflate", "gzip, deflate, br", "identity"];
      const post = (encoding: string) =>
        fetch(`${web!.base}/api/queries/run`, {
          method: "POST",
          headers: { cookie: web!.cookie, "content-type": "application/json", "accept-encoding": encoding },
          body: JSON.stringify({ dataSourceId: env.dataSourceId, sql: SQL, useCache: false }),
        });
      // Warm the web process up on every encoding before any is timed: the first encoding measured used to
      // meet a server that had answered one request (V8 still optimizing the route, the pg parser and the
      // compressor's paths), which counted against gzip alone, and the later ones got the warmed-up server.
      for (let round = 0; round < 3; round++) for (const encoding of encodings) await (await post(encoding)).arrayBuffer();
      for (const encoding of encodings) {
        let bytes = 0;
        let wire = "";
        const http = await compare(iterations, raw, async () => {
          const res = await post(encoding);
          const body = await res.arrayBuffer();
          if (!res.ok) throw new Error(`run answered ${res.status}: ${Buffer.from(body).toString("utf8").slice(0, 300)}`);
          bytes = body.byteLength;
          wire = res.headers.get("content-encoding") ?? "identity";
          return () => (JSON.parse(Buffer.from(body).toString("utf8")) as { rowCount: number }).rowCount;
        }, () => readCpuMs(web!.pid));
        report(`POST /api/queries/run over HTTP, accept-encoding ${encoding} → ${wire} (${(bytes / 1e6).toFixed(1)} MB JSON)`, http);
      }
    } else {
      lines.push("  (no build in .next, or --in-process: the HTTP round trip is skipped; `npm run build` first)");
    }

    let bytes = 0;
    const inProcess = await compare(iterations, raw, async () => {
      const result = await runAdHocQuery({ userId: user.id, dataSourceId: env.dataSourceId, sql: SQL, useCache: false });
      bytes = JSON.stringify(result).length;
      return () => result.rowCount;
    });
    report(`runAdHocQuery + JSON.stringify, in-process (${(bytes / 1e6).toFixed(1)} MB)`, inProcess);
    await raw.end();

    console.log(`${SQL}: ${iterations} iterations after a warm-up, medians${build ? `; web server on build ${build}` : ""}`);
    for (const line of lines) console.log(line);
    console.log("  target: ratio ≤ 1.5");
  } finally {
    await web?.stop();
    await env.stop();
  }
}

// Exits when done: the modules under test keep timers of their own (the Redis client retrying its
// unreachable address, which is the point of REDIS_URL here), and the process used to linger after printing.
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
