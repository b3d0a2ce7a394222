// Identical queries and cancel requests across processes. Several web processes and workers share one
// Redis (DESIGN.md: "Redis: in-flight de-duplication of identical queries"), so:
// - the first process to claim a query key runs it (the leader) and hands its outcome to the others
//   (followers) through Redis: a pub/sub message, and the result itself under a short-lived key;
// - a run is registered with its owner, so a cancel request that reaches any process can be checked and
//   passed on to the process that runs it.
// Redis is a help here, never a dependency: when it is unreachable every call degrades to "this process
// only", and queries run as they would without it.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { createSubscriberConnection, waitForReady } from "@/lib/jobs/connection";
import { markRedisDown, redisRecentlyFailed, tryRedis } from "@/lib/jobs/best-effort-redis";
import type { QueryResult } from "@/lib/warehouse/types";

const PREFIX = "spyglass:flight:";
const DONE_CHANNEL = "spyglass:flight-done";
const CANCEL_CHANNEL = "spyglass:run-cancel";

/** A leader renews its claim this often; a claim not renewed (the leader died) lapses after CLAIM_TTL_MS. */
const CLAIM_RENEW_MS = 5_000;
const CLAIM_TTL_MS = 15_000;
/** Followers read the leader's result within this time of its message. */
const RESULT_TTL_MS = 30_000;
/** Results larger than this (as JSON) are not handed over: followers run the query themselves. */
export const SHARED_RESULT_MAX_BYTES = 16 * 1024 * 1024;
/** A registered run lives at most this long in Redis (a process that died cannot remove it). */
const RUN_TTL_MS = 6 * 60 * 60_000;
/** How often a follower checks that its leader still holds the claim (in case the leader died). */
const FOLLOWER_CHECK_MS = 1_000;
/** How long a first subscription may wait for the connection. */
const SUBSCRIBE_WAIT_MS = 1_000;

export type FlightOutcome =
  /** startedAt: when the leader's statement began (the result holds no change committed after it). */
  | { status: "ok"; result: QueryResult; computedAt: Date; startedAt: Date }
  | { status: "error"; error: AppError }
  /** The leader gave up (cancelled, died, or its result was too large to share): run it yourself. */
  | { status: "retry" };

interface DoneMessage {
  key: string;
  status: "ok" | "error" | "retry";
  error?: { code: AppErrorCode; message: string; details?: Record<string, unknown> };
}

interface SharedState {
  subscriber?: Redis;
  subscribed?: Promise<void>;
  /** Followers in this process waiting for a leader elsewhere, by query key. */
  followers: Map<string, Set<(m: DoneMessage) => void>>;
  /** Handlers for cancel requests relayed from other processes. */
  cancelHandler?: (runId: string) => void;
  /** Identifies this process's claims, so it never follows itself. */
  processToken: string;
}

const g = globalThis as unknown as { spyglassSharedFlights?: SharedState };
const state: SharedState = (g.spyglassSharedFlights ??= { followers: new Map(), processToken: randomUUID() });

/** Subscribes this process to done and cancel messages, once; a failure is retried on the next call. */
async function ensureSubscribed(): Promise<boolean> {
  if (redisRecentlyFailed()) return false;
  if (!state.subscribed) {
    state.subscriber ??= createSubscriberConnection();
    const subscriber = state.subscriber;
    if (subscriber.listenerCount("message") === 0) {
      subscriber.on("error", () => undefined); // reported through markRedisDown; ioredis reconnects by itself
      subscriber.on("message", (channel: string, raw: string) => onMessage(channel, raw));
    }
    state.subscribed = (async () => {
      if (!(await waitForReady(subscriber, SUBSCRIBE_WAIT_MS))) throw new Error("no connection");
      await subscriber.subscribe(DONE_CHANNEL, CANCEL_CHANNEL);
    })();
  }
  try {
    await state.subscribed;
    return true;
  } catch (e) {
    state.subscribed = undefined;
    markRedisDown(e);
    return false;
  }
}

function onMessage(channel: string, raw: string) {
  try {
    if (channel === CANCEL_CHANNEL) {
      state.cancelHandler?.(raw);
      return;
    }
    const message = JSON.parse(raw) as DoneMessage;
    for (const notify of state.followers.get(message.key) ?? []) notify(message);
  } catch (e) {
    console.error(`[queries] Ignoring a malformed message on ${channel}:`, e);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Identical queries

export interface SharedClaim {
  role: "leader" | "follower" | "alone";
  /** Leader: hands the outcome to the followers and releases the claim. */
  finish(outcome: FlightOutcome): Promise<void>;
}

/**
 * Claims a query key for this process. "leader": run it, then `finish`. "follower": another process runs it,
 * `followFlight` waits for its outcome. "alone": Redis is unreachable, run it without telling anyone.
 */
export async function claimFlight(key: string): Promise<SharedClaim> {
  const alone: SharedClaim = { role: "alone", finish: async () => undefined };
  if (!(await ensureSubscribed())) return alone;
  const token = `${state.processToken}:${randomUUID()}`;
  const claimKey = PREFIX + key;
  const won = await tryRedis((r) => r.set(claimKey, token, "PX", CLAIM_TTL_MS, "NX"));
  if (won === undefined) return alone;
  if (won !== "OK") return { role: "follower", finish: async () => undefined };

  const renew = setInterval(() => {
    // Renew only our own claim (a lapsed claim may belong to someone else by now).
    void tryRedis((r) => r.eval(RENEW_IF_OURS, 1, claimKey, token, String(CLAIM_TTL_MS)));
  }, CLAIM_RENEW_MS);
  renew.unref();
  return {
    role: "leader",
    finish: async (outcome) => {
      clearInterval(renew);
      const message: DoneMessage = { key, status: outcome.status };
      if (outcome.status === "ok") {
        const payload = JSON.stringify({
          result: outcome.result,
          computedAt: outcome.computedAt.toISOString(),
          startedAt: outcome.startedAt.toISOString(),
        });
        if (payload.length <= SHARED_RESULT_MAX_BYTES) {
          await tryRedis((r) => r.set(`${PREFIX}result:${key}`, payload, "PX", RESULT_TTL_MS));
        } else {
          message.status = "retry";
        }
      } else if (outcome.status === "error") {
        message.error = { code: outcome.error.code, message: outcome.error.message, details: outcome.error.details };
      }
      await tryRedis(async (r) => {
        await r.eval(DELETE_IF_OURS, 1, claimKey, token);
        await r.publish(DONE_CHANNEL, JSON.stringify(message));
      });
    },
  };
}

const RENEW_IF_OURS = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const DELETE_IF_OURS = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * Waits for the leader of `key` (in another process) to finish. Gives "retry" when the leader gave up or
 * vanished; rejects when `signal` aborts (nobody here wants the result any more).
 */
export async function followFlight(key: string, signal: AbortSignal): Promise<FlightOutcome> {
  let notify!: (m: DoneMessage) => void;
  const done = new Promise<DoneMessage>((resolve) => (notify = resolve));
  const waiting = state.followers.get(key) ?? new Set();
  waiting.add(notify);
  state.followers.set(key, waiting);
  let timer: NodeJS.Timeout | undefined;
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
  // The leader may have finished before we subscribed, or died without a word: its claim then lapses.
  const vanished = new Promise<DoneMessage>((resolve) => {
    const check = async () => {
      const exists = await tryRedis((r) => r.exists(PREFIX + key));
      if (exists === 0 || exists === undefined) resolve({ key, status: "ok" });
      else timer = setTimeout(check, FOLLOWER_CHECK_MS);
    };
    timer = setTimeout(check, FOLLOWER_CHECK_MS);
  });
  try {
    const message = await Promise.race([done, vanished, aborted]);
    if (message.status === "error" && message.error) {
      return { status: "error", error: new AppError(message.error.code, message.error.message, message.error.details) };
    }
    if (message.status !== "ok") return { status: "retry" };
    const payload = await tryRedis((r) => r.get(`${PREFIX}result:${key}`));
    if (!payload) return { status: "retry" };
    // startedAt is missing from the results of processes that run an older version during an upgrade.
    const parsed = JSON.parse(payload) as { result: QueryResult; computedAt: string; startedAt?: string };
    return { status: "ok", result: parsed.result, computedAt: new Date(parsed.computedAt), startedAt: new Date(parsed.startedAt ?? parsed.computedAt) };
  } finally {
    clearTimeout(timer);
    waiting.delete(notify);
    if (waiting.size === 0 && state.followers.get(key) === waiting) state.followers.delete(key);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Runs and cancel requests

/** Called with the run id of every cancel request relayed from another process. */
export function onRelayedCancel(handler: (runId: string) => void): void {
  state.cancelHandler = handler;
}

/** Records who owns a running run, so any process can check a cancel request for it. */
export async function registerRun(runId: string, userId: string | null): Promise<void> {
  if (!(await ensureSubscribed())) return;
  await tryRedis((r) => r.set(`${PREFIX}run:${runId}`, userId ?? "", "PX", RUN_TTL_MS));
}

export async function unregisterRun(runId: string): Promise<void> {
  await tryRedis((r) => r.del(`${PREFIX}run:${runId}`));
}

/** The owner of a run running in some process, or undefined when no process runs it (or Redis is down). */
export async function findRunOwner(runId: string): Promise<{ userId: string | null } | undefined> {
  const owner = await tryRedis((r) => r.get(`${PREFIX}run:${runId}`));
  if (owner === undefined || owner === null) return undefined;
  return { userId: owner === "" ? null : owner };
}

/** Passes a cancel request to every process; true when at least one process listens. */
export async function relayCancel(runId: string): Promise<boolean> {
  const listeners = await tryRedis((r) => r.publish(CANCEL_CHANNEL, runId));
  return (listeners ?? 0) > 0;
}

/** Closes this process's subscriber connection (shutdown, tests). */
export async function closeSharedFlights(): Promise<void> {
  const subscriber = state.subscriber;
  state.subscriber = undefined;
  state.subscribed = undefined;
  if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
}
