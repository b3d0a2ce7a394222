import { describe, expect, it } from "vitest";
import { formatSeconds, translateConnectError, translateQueryError } from "./query-errors";
import type { ConnectionConfig } from "./types";

const config: ConnectionConfig = { host: "db.internal", port: 5439, database: "dev", user: "analyst", password: "x", sslMode: "require" };

describe("translateQueryError", () => {
  it("keeps PostgreSQL's message, position, SQLSTATE and hint", () => {
    const e = Object.assign(new Error('column "nam" does not exist'), { code: "42703", position: "8", hint: 'Perhaps you meant "name".' });
    const appError = translateQueryError(e, { timeoutMs: 1000 });
    expect(appError.code).toBe("QUERY_FAILED");
    expect(appError.message).toBe('column "nam" does not exist');
    expect(appError.details).toEqual({ position: 8, sqlState: "42703", hint: 'Perhaps you meant "name".', detail: undefined });
  });

  it("explains statement timeouts and multiple statements", () => {
    const timeout = Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" });
    expect(translateQueryError(timeout, { timeoutMs: 60_000 }).message).toBe(
      "The query hit this data source's statement timeout of 60 s and was cancelled.",
    );
    const multi = Object.assign(new Error("cannot insert multiple commands into a prepared statement"), { code: "42601" });
    expect(translateQueryError(multi, { timeoutMs: 1 }).message).toBe("Run one statement at a time: this SQL holds more than one statement.");
  });
});

describe("translateConnectError", () => {
  it.each([
    [{ code: "ECONNREFUSED", message: "connect ECONNREFUSED" }, "Could not connect to the warehouse at db.internal:5439: the connection was refused. Is the server running and accepting TCP connections on that port?"],
    [{ code: "ENOTFOUND", message: "getaddrinfo ENOTFOUND db.internal" }, 'Could not connect to the warehouse at db.internal:5439: the host name "db.internal" could not be resolved (DNS lookup failed).'],
    [{ message: "Connection terminated due to connection timeout" }, "Could not connect to the warehouse at db.internal:5439: the connection timed out. Check the host, port and any firewall in between."],
    [{ code: "28P01", message: 'password authentication failed for user "analyst"' }, 'Could not connect to the warehouse at db.internal:5439: authentication failed for user "analyst". Check the user name and password. (password authentication failed for user "analyst")'],
  ])("%o", (error, expected) => {
    const appError = translateConnectError(Object.assign(new Error(error.message), error), config);
    expect(appError.code).toBe("UNAVAILABLE");
    expect(appError.message).toBe(expected);
  });
});

describe("formatSeconds", () => {
  it("prints whole and fractional seconds", () => {
    expect(formatSeconds(200)).toBe("0.2 s");
    expect(formatSeconds(60_000)).toBe("60 s");
    expect(formatSeconds(1500)).toBe("1.5 s");
  });
});
