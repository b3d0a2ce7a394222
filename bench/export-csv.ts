// CSV export, both paths, and the XLSX export, against psql's `\copy (...) to STDOUT csv header` (to
// /dev/null) in the same run:
//   - COPY path: the query without parameters (PostgreSQL writes the CSV; Spyglass streams it through);
//   - cursor path: the same query with a bound parameter (server-side cursor + Spyglass's CSV encoder),
//     against psql's \copy of that query with the value written in;
//   - xlsx: the query without parameters as an Excel workbook (always the cursor; lib/export/xlsx).
// With a build (.next/BUILD_ID), each export is a real download: POST /api/queries/export on `next start`
// with a signed-in session, fetched by curl to /dev/null; the peak memory is the web process's VmHWM
// (/proc/<pid>/status), reset before each export. Without a build, the export runs in this process and its
// RSS is sampled every 20 ms (this process also holds the benchmark itself).
// Run: npx tsx bench/export-csv.ts [--in-process] [--rounds=3] [--paths=copy,cursor,xlsx] [sizes...]   (default 1000000 5000000)
import { spawn } from "node:child_process";
import { median, startBenchEnv } from "./bench-env";
import { findBuild, readCpuMs, readMemory, resetPeakMemory, startWebApp, type WebApp } from "./web-app";

type Path = "copy" | "cursor" | "xlsx";
const PATHS: Path[] = ["copy", "cursor", "xlsx"];
const PATH_LABELS: Record<Path, string> = { copy: "CSV, COPY (no parameters)", cursor: "CSV, cursor (1 parameter)", xlsx: "XLSX (cursor)" };

/** The query as Spyglass receives it (`{{start}}` is a bound parameter), and as psql gets it. */
const QUERY = (n: number, start: string) => `select g, md5(g::text), now() from generate_series(${start}, ${n}) g`;
const spyglassSql = (n: number, path: Path) => QUERY(n, path === "cursor" ? "{{start}}::int" : "1");
const psqlSql = (n: number) => QUERY(n, "1");
const PARAMETERS = [{ name: "start", type: "number" as const }];

interface Measured {
  ms: number;
  bytes: number;
  rssBefore: number;
  peak: number;
  /** CPU time of the process doing the export. */
  cpuMs: number;
}

function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<{ ms: number; stdout: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += String(d)));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve({ ms: performance.now() - started, stdout }) : reject(new Error(`${cmd} exited ${code}`))));
  });
}

async function psqlToDevNull(url: string, sql: string): Promise<number> {
  // Only these settings: the comparison must not depend on the environment psql would otherwise read.
  const env = { PGTZ: "UTC", PGDATESTYLE: "ISO", PGCLIENTENCODING: "UTF8" } as unknown as NodeJS.ProcessEnv;
  return (await run("/usr/bin/psql", [url, "-X", "-v", "ON_ERROR_STOP=1", "-o", "/dev/null", "-c", `\\copy (${sql}) to STDOUT csv header`], env)).ms;
}

async function exportOverHttp(web: WebApp, dataSourceId: string, n: number, path: Path): Promise<Measured> {
  const body = JSON.stringify({
    dataSourceId,
    sql: spyglassSql(n, path),
    ...(path === "cursor" ? { parameters: PARAMETERS, values: { start: 1 } } : {}),
    ...(path === "xlsx" ? { format: "xlsx" } : {}),
  });
  global.gc?.();
  resetPeakMemory(web.pid);
  const rssBefore = readMemory(web.pid).rss;
  const cpuBefore = readCpuMs(web.pid);
  const { ms, stdout } = await run("/usr/bin/curl", [
    "-sS", "--fail", "-o", "/dev/null", "-w", "%{http_code} %{size_download}",
    "-H", `cookie: ${web.cookie}`, "-H", "content-type: application/json", "--data-binary", body,
    `${web.base}/api/queries/export`,
  ]);
  const [status, size] = stdout.trim().split(" ");
  if (status !== "200") throw new Error(`export answered ${status}`);
  return { ms, bytes: Number(size), rssBefore, peak: readMemory(web.pid).peak, cpuMs: readCpuMs(web.pid) - cpuBefore };
}

async function exportInProcess(dataSourceId: string, n: number, path: Path): Promise<Measured> {
  const { exportQuery } = await import("@/lib/export/export-query");
  const { prepareQuery } = await import("@/lib/queries/prepare-query");
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const prepared = await prepareQuery({ sql: spyglassSql(n, path), parameters: PARAMETERS, values: path === "cursor" ? { start: 1 } : {} });
  const stream = await exportQuery(path === "xlsx" ? "xlsx" : "csv", { dataSourceId, text: prepared.text, values: prepared.values });
  let bytes = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  return { ms, bytes, rssBefore, peak: Math.max(peak, process.memoryUsage().rss), cpuMs: (cpu.user + cpu.system) / 1000 };
}

const mib = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const env = await startBenchEnv({ port: 54532 });
  let web: WebApp | undefined;
  try {
    const build = process.argv.includes("--in-process") ? undefined : findBuild();
    if (build) {
      const { getDb } = await import("@/lib/db");
      const { hashPassword } = await import("@/lib/auth/password");
      const password = "bench password";
      await getDb().user.create({ data: { email: "bench@example.com", name: "Bench", passwordHash: await hashPassword(password), role: "ADMIN" } });
      web = await startWebApp({ email: "bench@example.com", password });
      console.log(`over HTTP: POST /api/queries/export on next start (build ${build}, pid ${web.pid}), downloaded by curl`);
    } else {
      console.log("exporting in-process (no build in .next, or --in-process): RSS and CPU are this benchmark's own process");
    }
    const exportOnce = (n: number, path: Path) => (web ? exportOverHttp(web, env.dataSourceId, n, path) : exportInProcess(env.dataSourceId, n, path));
    const paths = (/^--paths=(.+)$/.exec(process.argv.find((a) => a.startsWith("--paths=")) ?? "")?.[1]?.split(",") as Path[] | undefined) ?? PATHS;
    // Warm-up of every path (JIT, route compilation, pool connection) so the first measured size is not penalised.
    for (const path of paths) await exportOnce(200_000, path);

    // Rounds of every (size, path) pair, each export right before its psql \copy, so that load from other
    // processes on the machine falls on both sides; medians of the rounds are reported.
    const rounds = Number(/^--rounds=(\d+)$/.exec(process.argv.find((a) => a.startsWith("--rounds=")) ?? "")?.[1] ?? 3);
    const cases = (sizes.length ? sizes : [1_000_000, 5_000_000]).flatMap((n) => paths.map((path) => ({ n, path })));
    const measured = cases.map(() => ({ ours: [] as Measured[], theirs: [] as number[] }));
    for (let round = 0; round < rounds; round++) {
      for (const [i, { n, path }] of cases.entries()) {
        measured[i].ours.push(await exportOnce(n, path));
        measured[i].theirs.push(await psqlToDevNull(env.warehouseUrl, psqlSql(n)));
      }
    }
    console.log(`\nmedians of ${rounds} rounds; peak RSS is the highest of the rounds`);
    console.log("| rows | format, path | file | export | psql \\copy | ratio | export CPU | RSS before → peak |");
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const [i, { n, path }] of cases.entries()) {
      const { ours, theirs } = measured[i];
      const ms = median(ours.map((m) => m.ms));
      const psqlMs = median(theirs);
      console.log(
        `| ${n.toLocaleString("en-US")} | ${PATH_LABELS[path]} | ${(ours[0].bytes / 1e6).toFixed(0)} MB | ` +
          `${(ms / 1000).toFixed(2)} s | ${(psqlMs / 1000).toFixed(2)} s | ${(ms / psqlMs).toFixed(2)} | ${(median(ours.map((m) => m.cpuMs)) / 1000).toFixed(2)} s | ` +
          `${mib(Math.min(...ours.map((m) => m.rssBefore)))} → ${mib(Math.max(...ours.map((m) => m.peak)))} |`,
      );
    }
  } finally {
    await web?.stop();
    await env.stop();
  }
}

void main();
