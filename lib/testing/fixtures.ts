// Fixtures for integration tests: seed a data source, a chart and a dashboard
// through the app's own code where it exists, and wait for background work with a deadline.
import { createDataSource } from "@/lib/data-sources/create-data-source";
import { disconnectDb, getDb } from "@/lib/db";
import { getSettings, resetSettingsCache } from "@/lib/env";
import { connectionFromUrl } from "@/lib/warehouse/connection-from-url";
import { closeAllPools } from "@/lib/warehouse/pools";
import type pg from "pg";

// Tests change settings the way an operator would, through the environment, and then make lib/env.ts
// read it again; these helpers are the one place they touch process.env.

/** Sets (or, with undefined, unsets) environment variables and re-reads the settings; returns an undo. */
export function setTestEnv(vars: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetSettingsCache();
  };
  apply(vars);
  return () => apply(previous);
}

/** The environment for a process a test starts (e.g. the worker), with overrides. */
export function childProcessEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

/**
 * The afterAll of a test file that made its own schema in the warehouse: closes the warehouse pools, drops
 * the schema through the file's admin client (undefined when beforeAll failed before connecting), ends that
 * client and disconnects the app DB.
 */
export async function dropTestSchema(admin: pg.Client | undefined, schema: string) {
  await closeAllPools();
  await admin?.query(`drop schema if exists "${schema.replace(/"/g, '""')}" cascade`);
  await admin?.end();
  await disconnectDb();
}

export async function createTestDataSource(name = `test-warehouse-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`) {
  const url = getSettings().DEMO_WAREHOUSE_URL;
  if (!url) throw new Error("DEMO_WAREHOUSE_URL is not set: run through the integration global setup");
  return createDataSource({ name, kind: "POSTGRES", config: connectionFromUrl(url) });
}

/** A dashboard with one tile per chart (refresh schedule off unless asked). */
export async function createTestDashboard(opts: {
  dataSourceId: string;
  title?: string;
  charts: { title: string; sql: string; vizType?: string; description?: string }[];
  refreshIntervalMinutes?: number;
}) {
  const db = getDb();
  const dashboard = await db.dashboard.create({
    data: { title: opts.title ?? "Test dashboard", refreshIntervalMinutes: opts.refreshIntervalMinutes ?? 0 },
  });
  const charts = [];
  for (const [i, c] of opts.charts.entries()) {
    const chart = await db.chart.create({
      data: { title: c.title, sql: c.sql, dataSourceId: opts.dataSourceId, vizType: c.vizType ?? "auto", description: c.description ?? "" },
    });
    await db.dashboardTile.create({
      data: { dashboardId: dashboard.id, chartId: chart.id, kind: "chart", x: (i % 2) * 6, y: Math.floor(i / 2) * 4, w: 6, h: 4, position: i },
    });
    charts.push(chart);
  }
  return { dashboard, charts };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Signs in through next-auth's credentials flow on the running web app; returns the Cookie header to send. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) {
    throw new Error(`Signing in as ${email} failed (HTTP ${res.status})`);
  }
  return header();
}
