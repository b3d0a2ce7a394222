import { describe, expect, it } from "vitest";
import { dataSourceFormSchema } from "./schemas";

// The form as the browser sends it: every field a string.
const form = {
  name: "Warehouse",
  kind: "POSTGRES",
  host: "db.example.com",
  port: "5432",
  database: "analytics",
  user: "analyst",
  password: "",
  sslMode: "require",
  sslCa: "",
  defaultSchema: "",
  statementTimeoutSeconds: "60",
  rowLimit: "100000",
  maxConcurrency: "4",
};

function messages(input: Record<string, unknown>): Record<string, string> {
  const parsed = dataSourceFormSchema.safeParse(input);
  if (parsed.success) return {};
  // The first message of each field, as the form shows them.
  const byField: Record<string, string> = {};
  for (const issue of parsed.error.issues) byField[String(issue.path[0])] ??= issue.message;
  return byField;
}

describe("dataSourceFormSchema", () => {
  it("reads the numbers the form holds as text", () => {
    const parsed = dataSourceFormSchema.parse(form);
    expect(parsed).toMatchObject({ port: 5432, statementTimeoutSeconds: 60, rowLimit: 100_000, maxConcurrency: 4, defaultSchema: undefined, sslCa: undefined });
  });

  it("says an empty number field is required, not out of range", () => {
    expect(messages({ ...form, port: "", rowLimit: " ", maxConcurrency: "", statementTimeoutSeconds: "" })).toEqual({
      port: "Port is required",
      rowLimit: "Row cap is required",
      maxConcurrency: "Max concurrent queries is required",
      statementTimeoutSeconds: "Statement timeout (seconds) is required",
    });
  });

  it("says what is wrong with a number that is typed", () => {
    expect(messages({ ...form, port: "70000", rowLimit: "0", maxConcurrency: "2.5", statementTimeoutSeconds: "ten" })).toEqual({
      port: "Port must be between 1 and 65,535",
      rowLimit: "Row cap must be between 1 and 1,000,000",
      maxConcurrency: "Max concurrent queries must be a whole number",
      statementTimeoutSeconds: "Statement timeout (seconds) must be a number",
    });
  });

  it("says what to do with a URL or host:port pasted into Host, and takes IPv6 addresses", () => {
    expect(messages({ ...form, host: "postgres://analyst:secret@db.example.com:5432/analytics" })).toEqual({
      host: "Enter the host name only (like warehouse.example.com), not a connection URL",
    });
    expect(messages({ ...form, host: "db.example.com:5439" })).toEqual({ host: "Put the port in the Port field: the host is the name or address alone" });
    expect(messages({ ...form, host: "db example.com" })).toEqual({ host: "Host cannot contain spaces or slashes" });
    expect(messages({ ...form, host: "  " })).toEqual({ host: "Host is required" });
    for (const host of ["::1", "fe80::1", "10.0.0.5", "warehouse.example.com", "redshift-cluster.abc123.eu-west-1.redshift.amazonaws.com"]) {
      expect(messages({ ...form, host })).toEqual({});
    }
  });

  it("still takes numbers (server-side callers and tests send them)", () => {
    expect(dataSourceFormSchema.parse({ ...form, port: 5439, rowLimit: 10 })).toMatchObject({ port: 5439, rowLimit: 10 });
  });
});
