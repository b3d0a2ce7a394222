// Fills the demo tables over a few connections at once. Each table is created and filled in one
// transaction (so COPY can FREEZE its rows: no hint-bit rewrites or freezing vacuum later); then its
// indexes are built as separate tasks, picked up by whichever connection is free, and the last one to
// finish adds the primary key and the statistics. Largest tables go first: they are the critical path.
import pg from "pg";
import { copyChunks } from "./copy-loader";
import type { DemoModel } from "./model/demo-model";
import { commentSql, copySql, createTableSql, indexSql, primaryKeySql, qualified } from "./schema";
import type { DemoTable } from "./tables";

/** Connections working at once: one generator thread feeds them; the server does the rest. */
const PARALLEL = 3;
const LOAD_ORDER = ["sessions", "likes", "uploads", "photos", "favourites", "follows", "users", "signups"];

type Task = { kind: "load"; table: DemoTable } | { kind: "index"; table: DemoTable; sql: string; pending: { n: number } };

/** Loads every table; returns the rows stored per table. */
export async function loadTables(url: string, model: DemoModel, tables: DemoTable[]): Promise<Record<string, number>> {
  const queue: Task[] = [...tables].sort((a, b) => rank(a) - rank(b)).map((table) => ({ kind: "load", table }));
  const rows: Record<string, number> = {};
  let failure: unknown;
  let running = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  // Connect everyone before generating starts, so connection setup does not wait behind the generator.
  const clients = await Promise.all(Array.from({ length: PARALLEL }, () => connect(url)));

  async function worker(client: pg.Client) {
    for (;;) {
      const task = queue.shift();
      if (!task) {
        // Nothing queued, but a load still running will queue its index builds: wait for it.
        if (running === 0 || failure) return;
        await new Promise<void>((resolve) => (wake = chainWake(wake, resolve)));
        continue;
      }
      running++;
      try {
        if (task.kind === "load") {
          rows[task.table.name] = await copyTable(client, task.table, model);
          const statements = indexSql(task.table);
          const pending = { n: statements.length };
          // Index builds go to the front: they finish tables, and other connections can share them.
          queue.unshift(...statements.map((sql): Task => ({ kind: "index", table: task.table, sql, pending })));
        } else {
          await client.query(task.sql);
          if (--task.pending.n === 0) {
            await client.query(primaryKeySql(task.table));
            await client.query(`analyze ${qualified(task.table.name)}`);
          }
        }
      } catch (err) {
        failure ??= err;
        queue.length = 0;
      } finally {
        running--;
        notify();
      }
    }
  }

  try {
    await Promise.all(clients.map(worker));
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
  if (failure) throw failure;
  return rows;
}

function chainWake(previous: (() => void) | undefined, next: () => void): () => void {
  return () => {
    previous?.();
    next();
  };
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("set statement_timeout = 0");
  await client.query("set synchronous_commit = off");
  await client.query("set maintenance_work_mem = '256MB'");
  return client;
}

function rank(t: DemoTable): number {
  const i = LOAD_ORDER.indexOf(t.name);
  return i < 0 ? LOAD_ORDER.length : i;
}

/** Creates and fills one table in one transaction. */
async function copyTable(client: pg.Client, table: DemoTable, model: DemoModel): Promise<number> {
  await client.query("begin");
  try {
    await client.query(createTableSql(table));
    for (const sql of commentSql(table)) await client.query(sql);
    const count = await copyChunks(client, copySql(table), table.rows(model));
    await client.query("commit");
    return count;
  } catch (err) {
    await client.query("rollback").catch(() => undefined);
    throw err;
  }
}
