// Starts redis-server from the PATH with its data under a folder of ours.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

export async function startRedisServer(opts: { dataDir: string; port: number; persist?: boolean }): Promise<RedisServer> {
  const dir = path.resolve(opts.dataDir);
  mkdirSync(dir, { recursive: true });
  const args = [
    "--port", String(opts.port),
    "--bind", "127.0.0.1",
    "--dir", dir,
    "--daemonize", "no",
    "--protected-mode", "yes",
    // BullMQ needs keys never to be evicted.
    "--maxmemory-policy", "noeviction",
    ...(opts.persist === false ? ["--save", "", "--appendonly", "no"] : ["--appendonly", "yes"]),
  ];
  const child: ChildProcess = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `redis://127.0.0.1:${opts.port}`;

  const deadline = Date.now() + 15_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise<"waiting">((r) => setTimeout(() => r("waiting"), 100))]);
    if (early !== "waiting") throw new Error(`redis-server exited (code ${early}):\n${output.slice(-2000)}`);
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    // Refused connections while redis-server starts are expected; connect() rejects and we retry.
    probe.on("error", () => {});
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      break;
    } catch {
      probe.disconnect();
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`redis-server did not accept connections on port ${opts.port}:\n${output.slice(-2000)}`);
      }
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
