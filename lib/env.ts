// The only reader of process.env. Everything Spyglass can be configured with is declared here, with its
// default; README's configuration table mirrors this file.
import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const settingsSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Port of the web app. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public address of the web app: used in emails, share links and by the snapshot renderer. */
  APP_URL: optionalString,
  /** Where the embedded PostgreSQL and redis-server keep their data, and where generated secrets live. */
  SPYGLASS_DATA_DIR: z.string().default(".data"),
  /** App database. Unset: Spyglass starts an embedded PostgreSQL under SPYGLASS_DATA_DIR. */
  DATABASE_URL: optionalString,
  /** Redis for the queues. Unset: Spyglass starts redis-server from the PATH under SPYGLASS_DATA_DIR. */
  REDIS_URL: optionalString,
  /** Port of the embedded PostgreSQL (only when DATABASE_URL is unset). */
  EMBEDDED_PG_PORT: z.coerce.number().int().default(54320),
  /** Port of the embedded redis-server (only when REDIS_URL is unset). */
  EMBEDDED_REDIS_PORT: z.coerce.number().int().default(63790),
  /** Secret that signs sessions and render tokens. Unset: generated once into SPYGLASS_DATA_DIR. */
  AUTH_SECRET: optionalString,
  /** 32-byte key (hex or base64) that encrypts data-source credentials. Unset: generated once into SPYGLASS_DATA_DIR. */
  ENCRYPTION_KEY: optionalString,
  /** Load the demo warehouse and its dashboards on first start. */
  DEMO: z.enum(["on", "off"]).default("on"),
  /** Size of the demo warehouse: a scale factor, 1 is the default (~2 years, tens of thousands of users). */
  DEMO_SCALE: z.coerce.number().positive().max(50).default(1),
  /** Where the demo warehouse is loaded. Unset: the `warehouse` database of the embedded PostgreSQL, or the app database. */
  DEMO_WAREHOUSE_URL: optionalString,
  /** SMTP server for digests, e.g. smtp://user:pass@smtp.example.com:587. Unset: emails are written to SPYGLASS_DATA_DIR/outbox. */
  SMTP_URL: optionalString,
  /** Sender of digest emails. */
  MAIL_FROM: z.string().default("Spyglass <spyglass@localhost>"),
  /** Chromium or Chrome used for snapshots. Unset: Puppeteer's cache, then /usr/bin/chromium and friends. */
  CHROMIUM_PATH: optionalString,
  /** Default limits for warehouse queries. */
  QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  QUERY_ROW_LIMIT: z.coerce.number().int().positive().default(100_000),
  /** Jobs one worker process runs at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(4),
  /** Snapshot renders one worker process runs at once. */
  RENDER_CONCURRENCY: z.coerce.number().int().positive().default(2),
  /**
   * How long a job stays locked to a worker that stopped renewing the lock (it crashed) before another
   * worker takes it over; a digest's delivery lease lasts as long.
   */
  JOB_LOCK_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** Set by the launcher for the processes it starts. */
  SPYGLASS_ROLE: z.enum(["launcher", "web", "worker", "test"]).optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

let cached: Settings | undefined;

/** All settings, validated. Throws a readable error naming the bad variable. */
export function getSettings(): Settings {
  if (cached) return cached;
  const parsed = settingsSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Settings the web app and workers cannot run without; the launcher and test setup always provide them. */
export function getRuntimeEnv() {
  const s = getSettings();
  const missing = (["DATABASE_URL", "REDIS_URL", "AUTH_SECRET", "ENCRYPTION_KEY"] as const).filter((k) => !s[k]);
  if (missing.length > 0) {
    throw new Error(
      `Missing ${missing.join(", ")}. Start Spyglass with \`npm start\`, which provides them, or set them yourself.`,
    );
  }
  return {
    ...s,
    DATABASE_URL: s.DATABASE_URL!,
    REDIS_URL: s.REDIS_URL!,
    AUTH_SECRET: s.AUTH_SECRET!,
    ENCRYPTION_KEY: s.ENCRYPTION_KEY!,
    APP_URL: s.APP_URL ?? `http://localhost:${s.PORT}`,
  };
}

/** For tests: forget the parsed settings so a changed process.env is read again. */
export function resetSettingsCache() {
  cached = undefined;
}
