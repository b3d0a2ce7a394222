// Overhead of Spyglass's run path over raw pg: the same 100,000-row query through runAdHocQuery (snippets,
// parameters, single-flight, runQuery with cursor + JSON type parsers, history row, JSON serialization of
// the response) vs pg's client.query with default parsing. Run: npx tsx bench/run-overhead.ts [iterations]
import pg from "pg";
import { ensureDemoWarehouse } from "@/lib/demo/load-demo-warehouse";
import { median, startBenchEnv } from "./bench-env";

const SQL = "select * from demo.sessions limit 100000";

async function main() {
  const iterations = Number(process.argv[2] ?? 7);
  const env = await startBenchEnv({ port: 54531 });
  try {
    const load = await ensureDemoWarehouse({ url: env.warehouseUrl, scale: 1 });
    console.log(`demo warehouse scale 1 loaded in ${(load.ms / 1000).toFixed(1)} s`);
    const { runAdHocQuery } = await import("@/lib/queries/run-ad-hoc-query");
    const { getDb } = await import("@/lib/db");
    const user = await getDb().user.create({ data: { email: "bench@example.com", name: "Bench", passwordHash: "x" } });
    const raw = new pg.Client({ connectionString: env.warehouseUrl });
    await raw.connect();

    const spyglass: number[] = [];
    const baseline: number[] = [];
    let bytes = 0;
    for (let i = 0; i < iterations + 1; i++) {
      let t = performance.now();
      const result = await runAdHocQuery({ userId: user.id, dataSourceId: env.dataSourceId, sql: SQL, useCache: false });
      bytes = JSON.stringify(result).length;
      const a = performance.now() - t;
      t = performance.now();
      const res = await raw.query(SQL);
      const b = performance.now() - t;
      if (res.rows.length !== result.rowCount) throw new Error("row counts differ");
      if (i > 0) {
        // the first round warms up both paths
        spyglass.push(a);
        baseline.push(b);
      }
    }
    await raw.end();
    const ms = median(spyglass);
    const base = median(baseline);
    console.log(`${SQL}: ${iterations} iterations, medians`);
    console.log(`  Spyglass run path (incl. JSON response, ${(bytes / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms`);
    console.log(`  raw pg client.query:                              ${base.toFixed(0)} ms`);
    console.log(`  ratio: ${(ms / base).toFixed(2)} (target ≤ 1.5)`);
  } finally {
    await env.stop();
  }
}

void main();
