// CSV export: the export stream vs psql's `\copy (...) to STDOUT csv header` (to /dev/null), at 1M and 5M
// rows, with the process's peak RSS during each export. Run: npx tsx bench/export-csv.ts [sizes...]
import { spawn } from "node:child_process";
import { startBenchEnv } from "./bench-env";

const query = (n: number) => `select g, md5(g::text), now() from generate_series(1, ${n}) g`;

function psqlToDevNull(url: string, sql: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("/usr/bin/psql", [url, "-X", "-v", "ON_ERROR_STOP=1", "-o", "/dev/null", "-c", `\\copy (${sql}) to STDOUT csv header`], {
      // Only these settings: the comparison must not depend on the environment psql would otherwise read.
      env: { PGTZ: "UTC", PGDATESTYLE: "ISO", PGCLIENTENCODING: "UTF8" } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`psql exited ${code}`))));
  });
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const env = await startBenchEnv({ port: 54532 });
  try {
    const { exportQueryCsv } = await import("@/lib/export/export-query-csv");
    const results: string[] = [];
    // Warm-up (JIT, pool connection) so the first measured size is not penalised.
    for await (const chunk of (await exportQueryCsv({ dataSourceId: env.dataSourceId, text: query(200_000), values: [] })) as unknown as AsyncIterable<Uint8Array>) void chunk;
    for (const n of sizes.length ? sizes : [1_000_000, 5_000_000]) {
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const started = performance.now();
      const stream = await exportQueryCsv({ dataSourceId: env.dataSourceId, text: query(n), values: [] });
      let bytes = 0;
      // Consume like a slow-enough HTTP client would: chunk by chunk, discarding.
      for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
      const ours = performance.now() - started;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const theirs = await psqlToDevNull(env.warehouseUrl, query(n));
      results.push(
        `${n.toLocaleString("en-US")} rows (${(bytes / 1e6).toFixed(0)} MB): export ${(ours / 1000).toFixed(2)} s, psql \\copy ${(theirs / 1000).toFixed(2)} s, ratio ${(ours / theirs).toFixed(2)}; RSS before ${(rssBefore / 1048576).toFixed(0)} MiB, peak ${(peak / 1048576).toFixed(0)} MiB`,
      );
      console.log(results[results.length - 1]);
    }
  } finally {
    await env.stop();
  }
}

void main();
