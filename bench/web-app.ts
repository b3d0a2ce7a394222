// The web process for the benchmarks that measure over HTTP (lib/launcher/web-server.ts, as `npm start`
// runs it: Next's production build behind our compression): started on a free port with the bench's
// settings (bench-env.ts must have run), a signed-in session, its pid (to read its memory), and a stop.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { webServerCommand } from "@/lib/launcher/web-server-command";
import { freePort } from "@/lib/testing/free-port";

const BUILD_ID = path.resolve(".next", "BUILD_ID");

/** The id of the existing build, or undefined when there is none (`npm run build` makes one). */
export function findBuild(): string | undefined {
  return existsSync(BUILD_ID) ? readFileSync(BUILD_ID, "utf8").trim() : undefined;
}

export interface WebApp {
  base: string;
  cookie: string;
  pid: number;
  stop(): Promise<void>;
}

/** `nodeArgs` go to the web process's node (e.g. `--cpu-prof`, which NODE_OPTIONS does not accept). */
export async function startWebApp(signIn: { email: string; password: string }, nodeArgs: string[] = []): Promise<WebApp> {
  const { childProcessEnv, signInCookie } = await import("@/lib/testing/fixtures");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // node runs the server directly, so the pid is the process that serves the requests.
  const server = webServerCommand(port, "127.0.0.1", nodeArgs);
  const web: ChildProcess = spawn(server.command, server.args, {
    env: childProcessEnv({ NODE_ENV: "production", SPYGLASS_ROLE: "web", PORT: String(port), APP_URL: base, NEXTAUTH_URL: base }),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    if (web.exitCode !== null || web.signalCode !== null) return;
    const exited = new Promise((r) => web.once("exit", r));
    web.kill("SIGTERM");
    await exited;
  };
  try {
    const exited = new Promise<never>((_, reject) => web.once("exit", (code) => reject(new Error(`the web server exited (${code}) before answering`))));
    exited.catch(() => undefined); // only raced below, while starting
    await Promise.race([waitForHttp(`${base}/api/auth/csrf`, 60_000), exited]);
    const cookie = await signInCookie(base, signIn.email, signIn.password);
    return { base, cookie, pid: web.pid!, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** VmHWM (peak resident set) and VmRSS of a process, in bytes, from /proc/<pid>/status. */
export function readMemory(pid: number): { peak: number; rss: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * 1024;
  return { peak: kib("VmHWM"), rss: kib("VmRSS") };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function readCpuMs(pid: number): number {
  // Fields after the command name (which may hold spaces, hence the last ")"): utime and stime are 14 and 15.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100;

/** Resets VmHWM to the current RSS (Linux ≥ 4.0), so the next reading is the peak of what follows. */
export function resetPeakMemory(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, "5");
}

async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the web server did not answer at ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
