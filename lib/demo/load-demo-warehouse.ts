// Loads the demo warehouse (schema `demo`) once, in one go: a fresh schema, every table streamed in with
// COPY (see load-tables.ts), and a marker table written last that says the load completed. With the same
// version, seed and scale, later calls find the marker and return at once; without it, they start over.
import pg from "pg";
import { loadTables } from "./load-tables";
import { DEMO_SEED, buildDemoModel } from "./model/demo-model";
import { DEMO_SCHEMA } from "./schema";
import { DEMO_TABLE_LIST } from "./tables";

/** Bump whenever generated rows or the schema change, so existing installs reload. */
export const DEMO_WAREHOUSE_VERSION = 1;
const MARKER = `${DEMO_SCHEMA}._spyglass_demo`;
/** pg_advisory_lock key: one loader at a time per database (web and workers may start together). */
const LOCK_KEY = 0x5b1a55;

export interface EnsureDemoWarehouseResult {
  /** False when a complete load of the same version and scale was already there. */
  loaded: boolean;
  ms: number;
  factRows: number;
}

export async function ensureDemoWarehouse(opts: {
  url: string;
  scale: number;
  log?: (msg: string) => void;
}): Promise<EnsureDemoWarehouseResult> {
  const started = performance.now();
  if (!(opts.scale > 0)) throw new Error(`Demo scale must be positive, got ${opts.scale}`);
  const main = new pg.Client({ connectionString: opts.url });
  await main.connect();
  try {
    await main.query("select pg_advisory_lock($1)", [LOCK_KEY]);
    const marker = await readMarker(main);
    if (marker && marker.version === DEMO_WAREHOUSE_VERSION && marker.seed === DEMO_SEED && marker.scale === opts.scale) {
      return { loaded: false, ms: Math.round(performance.now() - started), factRows: marker.factRows };
    }

    const model = buildDemoModel(DEMO_SEED, opts.scale);
    await main.query(`drop schema if exists ${DEMO_SCHEMA} cascade`);
    await main.query(`create schema ${DEMO_SCHEMA}`);
    await main.query(
      `comment on schema ${DEMO_SCHEMA} is 'Demo warehouse: a photo-sharing community with a stock-photo marketplace (generated, deterministic).'`,
    );

    const rows = await loadTables(opts.url, model, DEMO_TABLE_LIST);
    const factRows = DEMO_TABLE_LIST.filter((t) => t.kind === "fact").reduce((sum, t) => sum + rows[t.name], 0);
    const ms = Math.round(performance.now() - started);
    await writeMarker(main, { scale: opts.scale, factRows, ms });
    opts.log?.(`Demo warehouse loaded: ${factRows.toLocaleString("en-US")} fact rows in ${(ms / 1000).toFixed(1)} s`);
    return { loaded: true, ms, factRows };
  } finally {
    // Ending the session releases the advisory lock.
    await main.end();
  }
}

interface Marker {
  version: number;
  seed: number;
  scale: number;
  factRows: number;
}

async function readMarker(client: pg.Client): Promise<Marker | null> {
  const { rows } = await client.query<{ exists: string | null }>("select to_regclass($1) as exists", [MARKER]);
  if (!rows[0].exists) return null;
  const marker = await client.query<{ version: number; seed: string; scale: number; fact_rows: string }>(
    `select version, seed, scale, fact_rows from ${MARKER} limit 1`,
  );
  const m = marker.rows[0];
  if (!m) return null;
  return { version: m.version, seed: Number(m.seed), scale: m.scale, factRows: Number(m.fact_rows) };
}

async function writeMarker(client: pg.Client, m: { scale: number; factRows: number; ms: number }) {
  await client.query("begin");
  try {
    await client.query(
      `create table ${MARKER} (version integer not null, seed bigint not null, scale double precision not null,
        fact_rows bigint not null, load_ms integer not null, loaded_at timestamptz not null default now())`,
    );
    await client.query(`comment on table ${MARKER} is 'Spyglass bookkeeping: present when the demo load completed.'`);
    await client.query(`insert into ${MARKER} (version, seed, scale, fact_rows, load_ms) values ($1, $2, $3, $4, $5)`, [
      DEMO_WAREHOUSE_VERSION,
      DEMO_SEED,
      m.scale,
      m.factRows,
      m.ms,
    ]);
    await client.query("commit");
  } catch (err) {
    await client.query("rollback").catch(() => undefined);
    throw err;
  }
}
