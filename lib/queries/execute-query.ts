// The execution engine behind every warehouse run (ad-hoc runs and dashboard refreshes): identical queries
// in flight run once (single-flight), results are cached (LRU, bounded by size), and every run has a runId
// that can be cancelled on the server.
//
// Single-flight works at two levels: within this process (a Map of flights, each with its waiters), and
// across processes through Redis (shared-flights.ts: one process leads, the others follow). A cancel request
// may reach any web process; it is relayed to the one running the run. The result cache is per process.
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { runQuery } from "@/lib/warehouse/run-query";
import type { QueryResult } from "@/lib/warehouse/types";
import { ResultCache } from "./result-cache";
import { claimFlight, findRunOwner, followFlight, onRelayedCancel, registerRun, relayCancel, unregisterRun } from "./shared-flights";

export interface ExecuteQueryInput {
  dataSourceId: string;
  /** Compiled SQL ($n parameters) and its bound values. */
  text: string;
  values: unknown[];
  rowLimit?: number;
  /** Identifies this run for cancelRun; generated when absent. */
  runId: string;
  /** Who started the run: only they (or an admin) may cancel it. */
  userId: string | null;
  /** Answer from the cache when the same query has a cached result. */
  useCache?: boolean;
  /** Aborting (the browser went away) cancels this run like cancelRun does. */
  signal?: AbortSignal;
}

export interface ExecutedQuery {
  result: QueryResult;
  computedAt: Date;
  /** When the warehouse began the statement: changes committed after it are not in the result. */
  startedAt: Date;
  cached: boolean;
  /**
   * This run joined an identical one whose statement had already begun when it was asked for (in this
   * process or another): the result can miss changes committed between the two, so the page says so.
   */
  joined: boolean;
}

type Done = { result: QueryResult; computedAt: Date; startedAt: Date };

/** One warehouse execution shared by every identical run waiting on it. */
interface Flight {
  key: string;
  promise: Promise<Done>;
  controller: AbortController;
  waiters: Set<string>;
  pid?: number;
}

interface Waiter {
  runId: string;
  userId: string | null;
  flight: Flight;
  reject: (e: unknown) => void;
  cancelled: boolean;
}

interface EngineState {
  flights: Map<string, Flight>;
  waiters: Map<string, Waiter>;
  cache: ResultCache;
}

const globalForEngine = globalThis as unknown as { spyglassQueryEngine?: EngineState };
const state = (globalForEngine.spyglassQueryEngine ??= { flights: new Map(), waiters: new Map(), cache: new ResultCache() });

// Cancel requests that reached another process, for runs of this one.
onRelayedCancel((runId) => void leave(runId));

export const CANCELLED_MESSAGE = "Query cancelled";

export function queryKey(input: { dataSourceId: string; text: string; values: unknown[]; rowLimit?: number }): string {
  return createHash("sha256")
    .update(JSON.stringify([input.dataSourceId, input.text, input.values, input.rowLimit ?? null]))
    .digest("hex");
}

export async function executeQuery(input: ExecuteQueryInput): Promise<ExecutedQuery> {
  const requestedAt = Date.now();
  const key = queryKey(input);
  if (input.useCache) {
    const hit = state.cache.get(key);
    if (hit) return { ...hit, startedAt: hit.computedAt, cached: true, joined: false };
  }
  if (state.waiters.has(input.runId)) throw new AppError("CONFLICT", "A run with this id is already running.");

  let flight = state.flights.get(key);
  if (!flight) flight = startFlight(key, input);
  const joined = flight;
  joined.waiters.add(input.runId);

  let rejectWaiter!: (e: unknown) => void;
  const cancelled = new Promise<never>((_, reject) => {
    rejectWaiter = reject;
  });
  const waiter: Waiter = { runId: input.runId, userId: input.userId, flight: joined, reject: rejectWaiter, cancelled: false };
  state.waiters.set(input.runId, waiter);
  const onAbort = () => void leave(input.runId);
  input.signal?.addEventListener("abort", onAbort, { once: true });
  if (input.signal?.aborted) void leave(input.runId);
  await registerRun(input.runId, input.userId);
  try {
    const done = await Promise.race([joined.promise, cancelled]);
    return { ...done, cached: false, joined: done.startedAt.getTime() < requestedAt };
  } catch (e) {
    if (waiter.cancelled) throw cancelledError();
    throw e;
  } finally {
    input.signal?.removeEventListener("abort", onAbort);
    joined.waiters.delete(input.runId);
    state.waiters.delete(input.runId);
    await unregisterRun(input.runId);
  }
}

function startFlight(key: string, input: ExecuteQueryInput): Flight {
  const controller = new AbortController();
  const flight: Flight = { key, controller, waiters: new Set(), promise: undefined as never };
  flight.promise = (async () => {
    try {
      const done = await runShared(key, input, controller.signal, (pid) => {
        flight.pid = pid;
      });
      state.cache.set(key, { result: done.result, computedAt: done.computedAt }, input.dataSourceId);
      return done;
    } finally {
      if (state.flights.get(key) === flight) state.flights.delete(key);
    }
  })();
  // Waiters that left still hold a reference; a rejection nobody awaits must not crash the process.
  flight.promise.catch(() => undefined);
  state.flights.set(key, flight);
  return flight;
}

/**
 * Runs a query once across processes: follows another process's run of the same key when there is one,
 * else runs it here and hands the outcome on. A leader that gives up (its waiters all left) or vanishes
 * makes the followers try again, one of them then leading.
 */
async function runShared(
  key: string,
  input: ExecuteQueryInput,
  signal: AbortSignal,
  onBackendPid: (pid: number) => void,
): Promise<Done> {
  for (;;) {
    if (signal.aborted) throw cancelledError();
    const claim = await claimFlight(key);
    if (claim.role === "follower") {
      const outcome = await followFlight(key, signal).catch(() => {
        throw cancelledError();
      });
      if (outcome.status === "ok") return { result: outcome.result, computedAt: outcome.computedAt, startedAt: outcome.startedAt };
      if (outcome.status === "error") throw outcome.error;
      continue;
    }
    // Set just before the statement is sent (after waiting for a slot and a connection).
    let startedAt: Date | undefined;
    try {
      const result = await runQuery({
        dataSourceId: input.dataSourceId,
        sql: input.text,
        params: input.values.length > 0 ? input.values : undefined,
        rowLimit: input.rowLimit,
        signal,
        onBackendPid: (pid) => {
          startedAt = new Date();
          onBackendPid(pid);
        },
      });
      const computedAt = new Date();
      const done = { result, computedAt, startedAt: startedAt ?? computedAt };
      await claim.finish({ status: "ok", ...done });
      return done;
    } catch (e) {
      // A cancelled leader, or an error that is not the query's own, tells the followers to run it themselves.
      const shareable = e instanceof AppError && !signal.aborted;
      await claim.finish(shareable ? { status: "error", error: e } : { status: "retry" });
      throw e;
    }
  }
}

/**
 * A waiter leaves its flight: its run fails with "Query cancelled" at once. The statement on the server is
 * cancelled (pg_cancel_backend on a separate connection) only when no other run is waiting on it.
 */
async function leave(runId: string): Promise<boolean> {
  const waiter = state.waiters.get(runId);
  if (!waiter) return false;
  const { flight } = waiter;
  waiter.cancelled = true;
  flight.waiters.delete(runId);
  state.waiters.delete(runId);
  if (flight.waiters.size === 0) {
    // Nobody else wants this result: stop it on the server and let the connection be clean again first.
    if (state.flights.get(flight.key) === flight) state.flights.delete(flight.key);
    flight.controller.abort();
    await Promise.race([flight.promise.catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
  }
  waiter.reject(cancelledError());
  return true;
}

function cancelledError() {
  return new AppError("QUERY_FAILED", CANCELLED_MESSAGE, { cancelled: true });
}

/** The user who started a run in this process, or undefined when no such run is running here. */
export function getRunOwner(runId: string): { userId: string | null } | undefined {
  const waiter = state.waiters.get(runId);
  return waiter ? { userId: waiter.userId } : undefined;
}

/**
 * Cancels a running run. Only its owner or an admin may; a run that is not running (finished, unknown)
 * gives `{ cancelled: false }`.
 */
export async function cancelRun(runId: string, user: { id: string; isAdmin: boolean }): Promise<{ cancelled: boolean }> {
  const local = getRunOwner(runId);
  const owner = local ?? (await findRunOwner(runId));
  if (!owner) return { cancelled: false };
  if (!user.isAdmin && owner.userId !== user.id) throw new AppError("FORBIDDEN", "You can only cancel your own runs.");
  if (local) return { cancelled: await leave(runId) };
  // Running in another process: that process cancels it when the message arrives.
  return { cancelled: await relayCancel(runId) };
}

/**
 * Forgets this process's cached results of one data source: after its settings change (another database,
 * another user) or it is deleted, a cached result would answer for a warehouse it no longer points at.
 */
export function forgetCachedResults(dataSourceId: string): void {
  state.cache.deleteOwnedBy(dataSourceId);
}

/** For tests and benchmarks: forget cached results. */
export function clearResultCache(): void {
  state.cache.clear();
}
