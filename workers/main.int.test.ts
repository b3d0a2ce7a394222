// The worker process as it is deployed (`npm run worker`: `node --import tsx workers/main.ts`): it starts, syncs the schedules from the
// app DB, reports a heartbeat, and on SIGTERM finishes and exits with code 0.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { disconnectDb, getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { QUEUES } from "@/lib/jobs/definitions";
import { getWorkerHeartbeats } from "@/lib/jobs/heartbeat";
import { closeQueues, dashboardSchedulerId } from "@/lib/jobs/queues";
import { childProcessEnv } from "@/lib/testing/fixtures";

let child: ChildProcess | undefined;
const created: string[] = [];

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await getDb().dashboard.deleteMany({ where: { id: { in: created } } });
  await closeQueues();
  await disconnectDb();
});

function startWorker(env: Record<string, string> = {}) {
  const proc = spawn(process.execPath, ["--import", "tsx", "workers/main.ts"], {
    env: childProcessEnv({ SPYGLASS_ROLE: "worker", WORKER_CONCURRENCY: "2", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const waitForOutput = async (pattern: RegExp, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(output)) {
      if (proc.exitCode !== null) throw new Error(`The worker exited (${proc.exitCode}) before printing ${pattern}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`The worker did not print ${pattern} within ${timeoutMs} ms:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { proc, exited, waitForOutput, output: () => output };
}

describe("worker process", () => {
  it("syncs schedules at start, beats, and exits 0 on SIGTERM", async () => {
    const dashboard = await getDb().dashboard.create({ data: { title: "Worker process", refreshIntervalMinutes: 45 } });
    created.push(dashboard.id);

    const w = startWorker();
    child = w.proc;
    await w.waitForOutput(/\[worker\] started on/);
    // Other test files run workers against the same Redis at the same time, so find this one by its pid.
    const workerPid = w.proc.pid;
    expect(w.output()).toContain(`pid ${workerPid}:`);
    await w.waitForOutput(/\[schedules\] synced from the DB/);

    const queue = new Queue(QUEUES.refresh, { connection: { url: getRuntimeEnv().REDIS_URL } });
    try {
      expect(await queue.getJobScheduler(dashboardSchedulerId(dashboard.id))).toMatchObject({ every: 45 * 60_000 });
    } finally {
      await queue.close();
    }
    const beats = await getWorkerHeartbeats();
    expect(beats.filter((b) => b.pid === workerPid).map((b) => ({ queues: b.queues, concurrency: b.concurrency }))).toEqual([
      { queues: [QUEUES.refresh, QUEUES.digest], concurrency: 2 },
    ]);

    w.proc.kill("SIGTERM");
    const { code, signal } = await w.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(w.output()).toContain("[worker] stopped");
    // Its heartbeat is gone at once, not after the TTL.
    expect((await getWorkerHeartbeats()).filter((b) => b.pid === workerPid)).toEqual([]);
  }, 120_000);

  it("refuses to start without Chromium, naming the package to install", async () => {
    const w = startWorker({ CHROMIUM_PATH: "/nonexistent/chromium" });
    const { code } = await w.exited;
    expect(code).not.toBe(0);
    expect(w.output()).toContain("apt-get install -y chromium");
  }, 60_000);
});
