import { describe, expect, it } from "vitest";
import { classifyConnectionError } from "./query-errors";

const config = { host: "db.example.cm", port: 5439, database: "analytics", user: "analyst", sslMode: "disable" as const };
const err = (code: string | undefined, message: string) => Object.assign(new Error(message), code ? { code } : {});

describe("classifyConnectionError", () => {
  it("names the stage that failed and what to check", () => {
    expect(classifyConnectionError(err("ENOTFOUND", "getaddrinfo ENOTFOUND db.example.cm"), config)).toEqual({
      stage: "dns",
      message: "Could not find host 'db.example.cm' (DNS lookup failed). Check the host name.",
    });
    expect(classifyConnectionError(err("ECONNREFUSED", "connect ECONNREFUSED 10.0.0.5:5439"), { ...config, host: "10.0.0.5" })).toMatchObject({
      stage: "refused",
      message: expect.stringContaining("Connection refused by 10.0.0.5:5439. Is the server running and reachable from the Spyglass server?"),
    });
    expect(classifyConnectionError(err(undefined, "timeout expired"), config).stage).toBe("timeout");
    expect(classifyConnectionError(err(undefined, "Connection terminated due to connection timeout"), config).stage).toBe("timeout");
    expect(classifyConnectionError(err("ETIMEDOUT", "connect ETIMEDOUT"), config).stage).toBe("timeout");
    expect(classifyConnectionError(err("28P01", 'password authentication failed for user "analyst"'), config)).toMatchObject({
      stage: "auth",
      message: expect.stringContaining("The server refused the user 'analyst': wrong password or no access."),
    });
    expect(classifyConnectionError(err("3D000", 'database "x" does not exist'), { ...config, database: "x" })).toEqual({
      stage: "database",
      message: "Database 'x' does not exist. Check the database name.",
    });
  });

  it("tells SSL problems apart from wrong passwords", () => {
    const hba = err("28000", 'no pg_hba.conf entry for host "1.2.3.4", user "analyst", database "analytics", SSL off');
    expect(classifyConnectionError(hba, config)).toMatchObject({ stage: "ssl", message: expect.stringMatching(/^The server requires SSL/) });
    expect(classifyConnectionError(err(undefined, "The server does not support SSL connections"), { ...config, sslMode: "require" }).stage).toBe("ssl");
    const selfSigned = err("SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain");
    expect(classifyConnectionError(selfSigned, { ...config, sslMode: "verify-full" })).toMatchObject({
      stage: "ssl",
      message: expect.stringContaining("paste the CA certificate"),
    });
  });

  it("falls back to 'other' with the driver's message", () => {
    expect(classifyConnectionError(err(undefined, "something odd"), config)).toEqual({ stage: "other", message: "Could not connect to db.example.cm:5439: something odd" });
  });
});
