// Exactly one email when a worker process is killed (SIGKILL: no shutdown code runs) in the middle of a
// digest, then another worker starts: the real worker entry point, the real render page in Chromium, and
// an SMTP server in this test. The job is taken over once its lock lapses (JOB_LOCK_MS, short here).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { closeQueues, enqueueDigestNow } from "@/lib/jobs/queues";
import { closeSharedFlights } from "@/lib/queries/shared-flights";
import { refreshDashboard } from "@/lib/refresh/refresh-dashboard";
import { findBrowser } from "@/lib/render/find-browser";
import { childProcessEnv, createTestDashboard, createTestDataSource, waitFor } from "@/lib/testing/fixtures";
import { startTestSmtpServer, type TestSmtpServer } from "@/lib/testing/smtp-server";
import { requireWebApp } from "@/lib/testing/web-app";
import { closeAllPools } from "@/lib/warehouse/pools";

const JOB_LOCK_MS = "3000";

interface Received {
  messageId: string;
  to: string[];
}

const received: Received[] = [];
/** While set, the SMTP server holds every RCPT TO unanswered and calls this (the test then kills the worker). */
let holdRecipients: (() => void) | undefined;
let smtp: TestSmtpServer;
let tmp: string;
let dataSourceId: string;
const children: ChildProcess[] = [];
const dashboards: string[] = [];

beforeAll(async () => {
  requireWebApp();
  tmp = mkdtempSync(path.join(os.tmpdir(), "spyglass-killed-"));
  smtp = await startTestSmtpServer({
    onRecipient: () => {
      if (!holdRecipients) return "accept";
      holdRecipients();
      return "hold"; // never answered: the sender is stuck mid-send
    },
    onMessage: (m) => received.push({ messageId: /^Message-ID:\s*(\S+)/im.exec(m.raw)?.[1] ?? "", to: [...m.to].sort() }),
  });
  dataSourceId = (await createTestDataSource()).id;
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  // The killed worker's browser launcher (the slow one below) outlives it.
  spawnSync("pkill", ["-f", "slow-chromium.sh"]);
  holdRecipients = undefined;
  received.length = 0;
});

afterAll(async () => {
  await getDb().dashboard.deleteMany({ where: { id: { in: dashboards } } });
  await smtp.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  await closeSharedFlights();
  await closeQueues();
  await closeAllPools();
  await disconnectDb();
});

function startWorker(env: Record<string, string> = {}) {
  // Node itself with tsx's loader, not the tsx CLI: the CLI runs the worker in a child process, which a
  // SIGKILL of the CLI would leave running.
  const proc = spawn(process.execPath, ["--import", "tsx", "workers/main.ts"], {
    env: childProcessEnv({ SPYGLASS_ROLE: "worker", SMTP_URL: smtp.url, JOB_LOCK_MS, WORKER_CONCURRENCY: "2", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  children.push(proc);
  return { proc, output: () => output };
}

function killed(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once("exit", () => resolve());
    proc.kill("SIGKILL");
  });
}

async function seed(title: string) {
  const { dashboard } = await createTestDashboard({
    dataSourceId,
    title,
    charts: [{ title: "Signups", sql: "select * from (values ('web', 120), ('iphone', 80)) as t(client, signups)", vizType: "bar" }],
  });
  dashboards.push(dashboard.id);
  expect((await refreshDashboard(dashboard.id, "manual")).status).toBe("succeeded");
  const subscription = await getDb().subscription.create({
    data: { dashboardId: dashboard.id, recipients: ["team@example.com", "boss@example.com"], cron: "0 8 * * *", timezone: "UTC" },
  });
  return subscription;
}

const deliveryOf = (subscriptionId: string) => getDb().delivery.findFirst({ where: { subscriptionId } });

/** Waits until the delivery is sent, then long enough for a duplicate to show up if there were one. */
async function expectSentOnce(subscriptionId: string) {
  const sent = await waitFor("the digest to be sent", async () => {
    const d = await deliveryOf(subscriptionId);
    return d?.status === "sent" ? d : undefined;
  }, 90_000);
  // A second copy could only come from another attempt: let the lock period pass twice and look again.
  await new Promise((r) => setTimeout(r, 2 * Number(JOB_LOCK_MS)));
  // One copy per recipient (each carries its own unsubscribe link), each with its delivery's Message-ID.
  expect(received.map((m) => m.to)).toEqual(expect.arrayContaining([["boss@example.com"], ["team@example.com"]]));
  expect(received).toHaveLength(2);
  for (const m of received) expect(m.messageId).toMatch(new RegExp(`^<digest\\.${sent.id}\\.[0-9a-f]{12}@`));
  return sent;
}

describe("a worker killed with SIGKILL mid-digest", () => {
  it("in the middle of a send: the next worker sends the email, exactly once", async () => {
    const subscription = await seed("Killed while sending");
    const stuck = new Promise<void>((resolve) => (holdRecipients = resolve));
    const first = startWorker();
    await enqueueDigestNow(subscription.id);
    await stuck; // the first worker is in the SMTP conversation, waiting for the server
    expect((await deliveryOf(subscription.id))?.status).toBe("sending");
    await killed(first.proc);
    holdRecipients = undefined;
    expect(received).toEqual([]);

    startWorker();
    const sent = await expectSentOnce(subscription.id);
    expect(sent.attempts).toBe(2);
    const events = await getDb().deliveryEvent.findMany({ where: { subscriptionId: subscription.id }, orderBy: { createdAt: "asc" }, select: { kind: true } });
    expect(events.map((e) => e.kind)).toEqual(["resent_after_interruption", "sent", "sent"]);
  });

  it("in the middle of a render: the next worker renders and sends, exactly once", async () => {
    const subscription = await seed("Killed while rendering");
    // A browser that takes a minute to start keeps the first worker inside the render when it is killed.
    const slowBrowser = path.join(tmp, "slow-chromium.sh");
    writeFileSync(slowBrowser, `#!/bin/sh\nsleep 60\nexec "${findBrowser(undefined)}" "$@"\n`);
    chmodSync(slowBrowser, 0o755);
    const first = startWorker({ CHROMIUM_PATH: slowBrowser });
    await enqueueDigestNow(subscription.id);
    await waitFor("the first worker to start rendering", async () => (await deliveryOf(subscription.id))?.status === "rendering");
    await killed(first.proc);

    startWorker();
    const sent = await expectSentOnce(subscription.id);
    expect(sent.attempts).toBe(2);
    const events = await getDb().deliveryEvent.findMany({ where: { subscriptionId: subscription.id }, select: { kind: true } });
    expect(events.map((e) => e.kind)).toEqual(["sent", "sent"]);
  });
});
