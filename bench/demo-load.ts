// Demo warehouse load time: generates and COPY-loads the demo at a scale into a fresh embedded
// PostgreSQL and prints the time, the fact rows and the rate. Run: npx tsx bench/demo-load.ts [scale]
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDemoWarehouse } from "@/lib/demo/load-demo-warehouse";
import { startEmbeddedPostgres } from "@/lib/launcher/embedded-postgres";
import { freePort } from "@/lib/testing/free-port";

async function main() {
  const scale = Number(process.argv[2] ?? 1);
  const dir = mkdtempSync(path.join(os.tmpdir(), "spyglass-bench-"));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), password: "bench" });
  try {
    await server.ensureDatabase("warehouse");
    const result = await ensureDemoWarehouse({ url: server.url("warehouse"), scale });
    const again = await ensureDemoWarehouse({ url: server.url("warehouse"), scale });
    console.log(`demo warehouse, scale ${scale}, ${os.cpus().length} cores`);
    console.log(`  first load:   ${(result.ms / 1000).toFixed(1)} s for ${result.factRows.toLocaleString("en-US")} fact rows (${Math.round(result.factRows / (result.ms / 1000)).toLocaleString("en-US")} rows/s)`);
    console.log(`  second start: ${again.ms} ms (already loaded, nothing done)`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
