// Turns errors from pg into AppErrors whose messages an analyst can act on. PostgreSQL's own message and
// position are kept: warehouse errors are user errors.
import { AppError } from "@/lib/errors";
import type { ConnectionConfig } from "./types";

interface PgLikeError {
  message?: string;
  code?: string;
  position?: string | number;
  hint?: string;
  detail?: string;
  severity?: string;
}

function asPgError(e: unknown): PgLikeError {
  return typeof e === "object" && e !== null ? (e as PgLikeError) : { message: String(e) };
}

/** SQLSTATE of "cannot insert multiple commands into a prepared statement". */
const MULTIPLE_COMMANDS = "42601";

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(s < 1 ? 3 : 1))} s`;
}

/** An error raised while a query ran (after the connection was made). */
export function translateQueryError(error: unknown, context: { timeoutMs: number }): AppError {
  if (error instanceof AppError) return error;
  const e = asPgError(error);
  const message = e.message ?? "The query failed.";
  if (e.code === "57014" && /statement timeout/i.test(message)) {
    return new AppError(
      "QUERY_FAILED",
      `The query hit this data source's statement timeout of ${formatSeconds(context.timeoutMs)} and was cancelled.`,
      { sqlState: e.code },
    );
  }
  if (e.code === MULTIPLE_COMMANDS && /multiple commands/i.test(message)) {
    return new AppError("QUERY_FAILED", "Run one statement at a time: this SQL holds more than one statement.", {
      sqlState: e.code,
    });
  }
  if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
    return new AppError("QUERY_FAILED", message, {
      position: Number(e.position) || undefined,
      sqlState: e.code,
      hint: e.hint || undefined,
      detail: e.detail || undefined,
    });
  }
  const connection = describeConnectionFailure(e, null);
  if (connection) return new AppError("UNAVAILABLE", connection);
  return new AppError("QUERY_FAILED", message);
}

/** An error raised while connecting to the warehouse. */
export function translateConnectError(error: unknown, config: ConnectionConfig): AppError {
  const e = asPgError(error);
  const described = describeConnectionFailure(e, config);
  return new AppError("UNAVAILABLE", described ?? `Could not connect to ${where(config)}: ${e.message ?? "unknown error"}`);
}

function where(config: ConnectionConfig | null) {
  return config ? `the warehouse at ${config.host}:${config.port}` : "the warehouse";
}

function describeConnectionFailure(e: PgLikeError, config: ConnectionConfig | null): string | null {
  const message = e.message ?? "";
  switch (e.code) {
    case "ECONNREFUSED":
      return `Could not connect to ${where(config)}: the connection was refused. Is the server running and accepting TCP connections on that port?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Could not connect to ${where(config)}: the host name${config ? ` "${config.host}"` : ""} could not be resolved (DNS lookup failed).`;
    case "ETIMEDOUT":
      return `Could not connect to ${where(config)}: the connection timed out. Check the host, port and any firewall in between.`;
    case "ENETUNREACH":
    case "EHOSTUNREACH":
      return `Could not connect to ${where(config)}: the network or host is unreachable from the Spyglass server.`;
    case "ECONNRESET":
    case "EPIPE":
      return `The connection to ${where(config)} was closed unexpectedly.`;
    case "28P01":
    case "28000":
      return `Could not connect to ${where(config)}: authentication failed${config ? ` for user "${config.user}"` : ""}. Check the user name and password. (${message})`;
    case "3D000":
      return `Could not connect to ${where(config)}: ${message}.`;
  }
  if (/timeout expired|connection timeout/i.test(message)) {
    return `Could not connect to ${where(config)}: the connection timed out. Check the host, port and any firewall in between.`;
  }
  if (config && /Connection terminated/i.test(message)) {
    return `Could not connect to ${where(config)}: the connection was closed before it was established. Check the host, port and SSL mode.`;
  }
  if (/Connection terminated/i.test(message)) {
    return `The connection to ${where(config)} was closed unexpectedly.`;
  }
  if (/SSL|certificate/i.test(message)) {
    return `Could not connect to ${where(config)}: SSL failed (${message}). Check the data source's SSL mode.`;
  }
  return null;
}

/** The step of opening a connection that failed, for the admin's "Test connection". */
export type ConnectionFailureStage = "dns" | "refused" | "timeout" | "ssl" | "auth" | "database" | "other";

const TLS_CERT_CODES = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "EPROTO",
]);

/**
 * Classifies an error from opening a warehouse connection into the stage that failed, with a message that
 * says in words what failed and what to check. Never includes the password.
 */
export function classifyConnectionError(
  error: unknown,
  config: Pick<ConnectionConfig, "host" | "port" | "database" | "user" | "sslMode">,
): { stage: ConnectionFailureStage; message: string } {
  const e = asPgError(error);
  const message = e.message ?? String(error);
  const at = `${config.host}:${config.port}`;
  const code = e.code ?? "";

  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME" || /getaddrinfo/i.test(message)) {
    return { stage: "dns", message: `Could not find host '${config.host}' (DNS lookup failed). Check the host name.` };
  }
  if (code === "ECONNREFUSED") {
    return {
      stage: "refused",
      message: `Connection refused by ${at}. Is the server running and reachable from the Spyglass server? Check the host and port.`,
    };
  }
  if (code === "ENETUNREACH" || code === "EHOSTUNREACH") {
    return {
      stage: "refused",
      message: `${at} is unreachable from the Spyglass server (no route to the network or host). Check the host, VPN and firewall rules.`,
    };
  }
  if (code === "ETIMEDOUT" || /timeout expired|connection timeout/i.test(message)) {
    return {
      stage: "timeout",
      message: `Connecting to ${at} timed out. Check the host and port, and that a firewall or security group lets the Spyglass server in.`,
    };
  }
  // PostgreSQL refuses unencrypted connections through pg_hba.conf ("... SSL off") or hostssl-only rules.
  if ((code === "28000" || code === "28P01") && /SSL off|no encryption/i.test(message)) {
    return { stage: "ssl", message: `The server requires SSL: set SSL mode to "require" or "verify-full". (${message})` };
  }
  if (code === "28P01" || code === "28000") {
    return { stage: "auth", message: `The server refused the user '${config.user}': wrong password or no access. (${message})` };
  }
  if (code === "3D000") {
    return { stage: "database", message: `Database '${config.database}' does not exist. Check the database name.` };
  }
  if (/does not support SSL/i.test(message)) {
    return {
      stage: "ssl",
      message: `The server at ${at} does not support SSL connections: set SSL mode to "disable", or enable SSL on the server.`,
    };
  }
  if (TLS_CERT_CODES.has(code) || /certificate|SSL|TLS/i.test(message)) {
    const hint =
      config.sslMode === "verify-full"
        ? `The server's certificate could not be verified: paste the CA certificate (PEM) that signed it, check that the host name matches the certificate, or use SSL mode "require" to encrypt without verifying.`
        : "Check the SSL mode.";
    return { stage: "ssl", message: `SSL failed with ${at}: ${message}. ${hint}` };
  }
  if (/Connection terminated/i.test(message) || code === "ECONNRESET" || code === "EPIPE") {
    return {
      stage: "other",
      message: `${at} closed the connection before it was established. Is this a PostgreSQL/Redshift port? Check the port and SSL mode.`,
    };
  }
  return { stage: "other", message: `Could not connect to ${at}: ${message}` };
}
