// Opening a dashboard: every tile's cached result comes from one read (getDashboardView, behind
// GET /api/dashboards/[id]/results). A 20-chart dashboard on the demo warehouse is refreshed, then:
//   - getDashboardView in-process, with JSON serialization (what the route does),
//   - the same 20 ChartResult rows read with one raw `pg` query (the floor: no ORM, no joins, no mapping),
//     and with one Prisma findMany (the ORM's share of the difference),
//   - and, when a build exists (.next/BUILD_ID), the HTTP round trip of the results endpoint on `next start`
//     with a signed-in session, beside the server's own time for it (its Server-Timing header: total, and
//     the view's read).
// Prints p50/p95 of each, the payload size, and the ratio to the raw read.
// Run: npx tsx bench/dashboard-load.ts [iterations=200] [demo scale=1]
import os from "node:os";
import pg from "pg";
import { ensureDemoWarehouse } from "@/lib/demo/load-demo-warehouse";
import { DEMO_SCHEMA } from "@/lib/demo/schema";
import { parseServerTiming } from "@/lib/http/server-timing";
import { freePort } from "@/lib/testing/free-port";
import { median, startBenchEnv } from "./bench-env";
import { findBuild, startWebApp, type WebApp } from "./web-app";

const TILES = 20;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

async function timeIt(iterations: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn(); // warm-up: JIT, connection pools, plan caches
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times;
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const line = (label: string, xs: number[], base?: number[]) =>
  `  ${label.padEnd(58)} p50 ${fmt(median(xs)).padStart(10)}   p95 ${fmt(percentile(xs, 95)).padStart(10)}${
    base ? `   ×${(median(xs) / median(base)).toFixed(1)} raw pg (p50)` : ""
  }`;

async function main() {
  const iterations = Number(process.argv[2] ?? 200);
  const scale = Number(process.argv[3] ?? 1);
  const env = await startBenchEnv({ port: await freePort(), schema: DEMO_SCHEMA });
  let web: WebApp | undefined;
  try {
    const load = await ensureDemoWarehouse({ url: env.warehouseUrl, scale });
    console.log(`demo warehouse scale ${scale} loaded in ${(load.ms / 1000).toFixed(1)} s; ${os.cpus().length} cores`);
    const { getDb } = await import("@/lib/db");
    const { DEMO_CHARTS } = await import("@/lib/demo/demo-dashboards");
    const { freeSlotAtBottom } = await import("@/lib/dashboards/layout/grid");
    const { refreshDashboard } = await import("@/lib/refresh/refresh-dashboard");
    const { getDashboardView } = await import("@/lib/dashboards/get-dashboard-view");
    const { hashPassword } = await import("@/lib/auth/password");
    const db = getDb();

    const password = "bench password";
    await db.user.create({ data: { email: "bench@example.com", name: "Bench", passwordHash: await hashPassword(password), role: "ADMIN" } });
    const dashboard = await db.dashboard.create({ data: { title: "Bench: 20 charts", refreshIntervalMinutes: 0 } });
    const placed: { x: number; y: number; w: number; h: number }[] = [];
    const chartIds: string[] = [];
    for (const [position, demo] of DEMO_CHARTS.slice(0, TILES).entries()) {
      const chart = await db.chart.create({
        data: { title: demo.title, description: demo.description, sql: demo.sql, vizType: demo.vizType, vizConfig: { ...demo.vizConfig }, dataSourceId: env.dataSourceId },
      });
      chartIds.push(chart.id);
      const slot = { ...freeSlotAtBottom(placed, { w: 6, h: 4 }), w: 6, h: 4 };
      placed.push(slot);
      await db.dashboardTile.create({ data: { dashboardId: dashboard.id, chartId: chart.id, kind: "chart", position, ...slot } });
    }
    const t0 = performance.now();
    const run = await refreshDashboard(dashboard.id, "manual");
    console.log(`refreshed ${run.totalCharts} charts in ${((performance.now() - t0) / 1000).toFixed(1)} s (${run.failedCharts} failed)`);
    if (run.failedCharts > 0) throw new Error(run.error ?? "charts failed");

    const view = await getDashboardView(dashboard.id);
    const payload = JSON.stringify(view);
    const rows = view!.tiles.reduce((n, t) => n + (t.result?.rows.length ?? 0), 0);
    console.log(`payload: ${(Buffer.byteLength(payload) / 1024).toFixed(1)} KiB of JSON for ${view!.tiles.length} tiles, ${rows.toLocaleString("en-US")} cached rows`);

    const inProcess = await timeIt(iterations, async () => JSON.stringify(await getDashboardView(dashboard.id)));

    const raw = new pg.Client({ connectionString: (await import("@/lib/env")).getRuntimeEnv().DATABASE_URL });
    await raw.connect();
    const baseline = await timeIt(iterations, async () => {
      const res = await raw.query(`select * from "ChartResult" where "chartId" = any($1) and "paramsKey" = ''`, [chartIds]);
      if (res.rows.length !== TILES) throw new Error(`expected ${TILES} results, got ${res.rows.length}`);
    });
    await raw.end();

    // Between the two: the same rows through Prisma without the joins, to show where the time goes.
    const prismaOnly = await timeIt(iterations, async () => {
      const results = await db.chartResult.findMany({ where: { chartId: { in: chartIds }, paramsKey: "" } });
      if (results.length !== TILES) throw new Error(`expected ${TILES} results, got ${results.length}`);
    });

    let http: number[] | undefined;
    let httpBytes = 0;
    // The server's time for each timed request, from its Server-Timing header (warm-up requests included
    // then dropped, so the arrays line up with the round trips).
    const serverTotal: number[] = [];
    const serverView: number[] = [];
    const build = findBuild();
    if (build) {
      web = await startWebApp({ email: "bench@example.com", password });
      const url = `${web.base}/api/dashboards/${dashboard.id}/results`;
      const cookie = web.cookie;
      http = await timeIt(iterations, async () => {
        const res = await fetch(url, { headers: { cookie } });
        if (!res.ok) throw new Error(`results endpoint answered ${res.status}`);
        httpBytes = (await res.arrayBuffer()).byteLength;
        const timing = parseServerTiming(res.headers.get("server-timing"));
        if (timing.total === undefined) throw new Error("the results endpoint sent no Server-Timing total");
        serverTotal.push(timing.total);
        serverView.push(timing.view ?? NaN);
      });
      serverTotal.splice(0, serverTotal.length - http.length);
      serverView.splice(0, serverView.length - http.length);
      console.log(`next start: build ${build}, on ${web.base}`);
    } else {
      console.log("no build (.next/BUILD_ID): the HTTP round trip is skipped; run `npm run build` first to measure it");
    }

    console.log(`\n${TILES}-tile dashboard, ${iterations} reads each (after warm-up):`);
    console.log(line("raw pg: select the 20 ChartResult rows", baseline));
    console.log(line("Prisma: chartResult.findMany of the same rows", prismaOnly, baseline));
    console.log(line("getDashboardView + JSON.stringify (in-process)", inProcess, baseline));
    if (http) {
      console.log(line(`GET /api/dashboards/[id]/results (HTTP, ${(httpBytes / 1024).toFixed(1)} KiB)`, http, baseline));
      console.log(line("  of which server time (Server-Timing total)", serverTotal, baseline));
      console.log(line("  of which getDashboardView (Server-Timing view)", serverView, baseline));
      console.log(`  one request carried all ${TILES} tiles' results; the rest of the round trip is HTTP, Next's routing and the client`);
    }
  } finally {
    await web?.stop();
    await env.stop();
  }
}

void main();
