"use client";
// The admin form for one data source. Secrets never come from the server: on an edit the password and CA
// certificate start empty, and empty means "keep the stored one".
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  dataSourceFormSchema,
  type DataSourceDetails,
  type DataSourceFormInput,
  type SaveDataSourceResult,
  type TestConnectionResult,
} from "@/lib/data-sources/schemas";
import styles from "./data-sources.module.css";

interface Props {
  /** The saved source being edited; absent for a new one. */
  initial?: DataSourceDetails;
  /** What else deleting it does, said in the confirmation (e.g. its history runs are kept). */
  deleteNote?: string;
}

type Values = {
  name: string;
  kind: "POSTGRES" | "REDSHIFT";
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  sslMode: "disable" | "require" | "verify-full";
  sslCa: string;
  defaultSchema: string;
  statementTimeoutSeconds: string;
  rowLimit: string;
  maxConcurrency: string;
};

function initialValues(d?: DataSourceDetails): Values {
  return {
    name: d?.name ?? "",
    kind: d?.kind ?? "POSTGRES",
    host: d?.host ?? "",
    port: String(d?.port ?? 5432),
    database: d?.database ?? "",
    user: d?.user ?? "",
    password: "",
    sslMode: d?.sslMode ?? "require",
    sslCa: "",
    defaultSchema: d?.defaultSchema ?? "",
    statementTimeoutSeconds: String(d?.statementTimeoutSeconds ?? 60),
    rowLimit: String(d?.rowLimit ?? 100_000),
    maxConcurrency: String(d?.maxConcurrency ?? 4),
  };
}

async function callJson<T>(url: string, init: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", accept: "application/json" } });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string; field?: string } }) | null;
  if (!res.ok) throw new FormError(body?.error?.message ?? `The server answered HTTP ${res.status}.`, body?.error?.field);
  return body as T;
}

/** A refusal from the server, with the field it is about when it names one. */
class FormError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function DataSourceForm({ initial, deleteNote }: Props) {
  const router = useRouter();
  const [id, setId] = useState(initial?.id);
  const [values, setValues] = useState<Values>(() => initialValues(initial));
  const [hasPassword, setHasPassword] = useState(initial?.hasPassword ?? false);
  const [hasSslCa, setHasSslCa] = useState(initial?.hasSslCa ?? false);
  const [replaceCa, setReplaceCa] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<null | "test" | "save" | "delete">(null);
  const [testResult, setTestResult] = useState<TestConnectionResult | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "notice" | "ok"; text: string } | null>(null);

  // The stored password is only sent to the server and user it was saved for (the server refuses otherwise).
  const retypePassword =
    initial !== undefined &&
    values.password === "" &&
    (values.host.trim().toLowerCase() !== initial.host.toLowerCase() || values.port.trim() !== String(initial.port) || values.user.trim() !== initial.user);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // A test result describes the settings it tested: once one changes it would vouch for settings it never tried.
    if (key !== "name") setTestResult(null);
    // "Type the password again" is about the host, port and user as they were: it goes when one changes.
    const cleared: (keyof Values)[] = ["host", "port", "user"].includes(key) ? [key, "password"] : [key];
    setErrors((e) => {
      if (!cleared.some((k) => k in e)) return e;
      const next = { ...e };
      for (const k of cleared) delete next[k];
      return next;
    });
  };

  /** Validates in the browser with the same schema the server uses. */
  function validated(): DataSourceFormInput | null {
    const parsed = dataSourceFormSchema.safeParse(values);
    if (parsed.success) {
      setErrors({});
      return values;
    }
    const byField: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      byField[key] ??= issue.message;
    }
    setErrors(byField);
    return null;
  }

  async function test() {
    setTestResult(null);
    setMessage(null);
    const body = validated();
    if (!body) return;
    setBusy("test");
    try {
      setTestResult(await callJson<TestConnectionResult>("/api/data-sources/test", { method: "POST", body: JSON.stringify({ ...body, ...(id ? { id } : {}) }) }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const body = validated();
    if (!body) return;
    setBusy("save");
    setMessage(null);
    try {
      const result = await callJson<SaveDataSourceResult>(id ? `/api/data-sources/${id}` : "/api/data-sources", {
        method: id ? "PATCH" : "POST",
        body: JSON.stringify(body),
      });
      if (result.warnings.length === 0) {
        router.push("/admin/data-sources");
        router.refresh();
        return;
      }
      // Stay to show what the admin should know; further saves edit the saved source.
      setId(result.dataSource.id);
      setValues((v) => ({ ...v, kind: result.dataSource.kind, password: "", sslCa: "" }));
      if (values.password !== "") setHasPassword(true);
      if (values.sslCa.trim() !== "") setHasSslCa(true);
      setReplaceCa(false);
      setMessage({ kind: "notice", text: `Saved.\n${result.warnings.join("\n")}` });
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  }

  /** Under its field when the server names one, else above the buttons. */
  function showError(e: unknown) {
    if (e instanceof FormError && e.field && e.field in values) setErrors((prev) => ({ ...prev, [e.field!]: e.message }));
    else setMessage({ kind: "error", text: e instanceof Error ? e.message : String(e) });
  }

  async function remove() {
    if (!id) return;
    if (!window.confirm(`Delete the data source "${values.name}"? This cannot be undone.${deleteNote ? `\n\n${deleteNote}` : ""}`)) return;
    setBusy("delete");
    setMessage(null);
    try {
      await callJson<void>(`/api/data-sources/${id}`, { method: "DELETE" });
      router.push("/admin/data-sources");
      router.refresh();
    } catch (err) {
      setMessage({ kind: "error", text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(null);
    }
  }

  const field = (key: keyof Values, label: string, input: React.ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`ds-${key}`}>{label}</label>
      {input}
      {hint && <span className="muted">{hint}</span>}
      {errors[key] && (
        <span className={styles.fieldError} id={`ds-${key}-error`} role="alert">
          {errors[key]}
        </span>
      )}
    </div>
  );
  const text = (key: keyof Values, type = "text", extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input
      id={`ds-${key}`}
      className="input"
      type={type}
      value={values[key]}
      onChange={(e) => set(key, e.target.value as never)}
      aria-invalid={errors[key] ? true : undefined}
      aria-describedby={errors[key] ? `ds-${key}-error` : undefined}
      {...extra}
    />
  );

  return (
    <form className={`card ${styles.form}`} onSubmit={save} noValidate data-testid="data-source-form">
      {field("name", "Name", text("name", "text", { autoComplete: "off", required: true }))}
      {field(
        "kind",
        "Kind",
        <select id="ds-kind" className="input" value={values.kind} onChange={(e) => set("kind", e.target.value as Values["kind"])}>
          <option value="POSTGRES">PostgreSQL</option>
          <option value="REDSHIFT">Amazon Redshift</option>
        </select>,
        "Checked against the server when you save.",
      )}
      <div className={styles.grid2}>
        {field("host", "Host", text("host", "text", { autoComplete: "off", placeholder: "warehouse.example.com" }))}
        {field("port", "Port", text("port", "number", { min: 1, max: 65535 }), values.kind === "REDSHIFT" ? "Redshift usually listens on 5439." : undefined)}
      </div>
      {field("database", "Database", text("database", "text", { autoComplete: "off" }))}
      <div className={styles.grid2}>
        {field("user", "User", text("user", "text", { autoComplete: "off" }))}
        {field(
          "password",
          "Password",
          text("password", "password", {
            autoComplete: "new-password",
            placeholder: id && hasPassword ? (retypePassword ? "Type it again: the server or user changed" : "Unchanged — type to replace") : "",
          }),
        )}
      </div>
      {field(
        "sslMode",
        "SSL mode",
        <select id="ds-sslMode" className="input" value={values.sslMode} onChange={(e) => set("sslMode", e.target.value as Values["sslMode"])}>
          <option value="disable">disable — no encryption</option>
          <option value="require">require — encrypt, do not verify the certificate</option>
          <option value="verify-full">verify-full — encrypt and verify the certificate and host name</option>
        </select>,
      )}
      {values.sslMode === "verify-full" &&
        (id && hasSslCa && !replaceCa ? (
          <div className="field">
            <span>CA certificate</span>
            <div className="row">
              <span className="muted">A CA certificate is stored.</span>
              <button type="button" className="btn" onClick={() => setReplaceCa(true)}>
                Replace
              </button>
            </div>
          </div>
        ) : (
          field(
            "sslCa",
            "CA certificate (PEM)",
            <textarea
              id="ds-sslCa"
              className={`input ${styles.pem}`}
              rows={6}
              value={values.sslCa}
              onChange={(e) => set("sslCa", e.target.value)}
              placeholder={"-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----"}
              spellCheck={false}
            />,
            id && hasSslCa ? "Leave empty to keep the stored certificate." : "Optional: without one, the system's trusted CAs are used.",
          )
        ))}
      {field("defaultSchema", "Default schema", text("defaultSchema", "text", { placeholder: "public" }), "Put first on the search path, so queries can omit it.")}
      <div className={styles.grid3}>
        {field("statementTimeoutSeconds", "Statement timeout (seconds)", text("statementTimeoutSeconds", "number", { min: 1, max: 3600 }))}
        {field("rowLimit", "Row cap", text("rowLimit", "number", { min: 1, max: 1_000_000 }))}
        {field("maxConcurrency", "Max concurrent queries", text("maxConcurrency", "number", { min: 1, max: 64 }))}
      </div>

      {testResult &&
        (testResult.ok ? (
          <div className={styles.ok} role="status" data-testid="test-result">
            Connected in {testResult.latencyMs} ms: {testResult.serverVersion}
            {testResult.isRedshift !== (values.kind === "REDSHIFT") &&
              `\nThis server is ${testResult.isRedshift ? "Amazon Redshift" : "PostgreSQL"}; it will be saved as such.`}
          </div>
        ) : (
          <div className="alert" role="alert" data-testid="test-result">
            {testResult.message}
          </div>
        ))}
      {message && (
        <div className={message.kind === "error" ? "alert" : "notice"} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </div>
      )}

      <div className={`row ${styles.actions}`}>
        <button type="button" className="btn" onClick={() => void test()} disabled={busy !== null}>
          {busy === "test" && <span className="spinner" aria-hidden />}
          Test connection
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy !== null}>
          {busy === "save" && <span className="spinner" aria-hidden />}
          Save
        </button>
        <Link className="btn" href="/admin/data-sources">
          Cancel
        </Link>
        <span className="spacer" />
        {id && (
          <button type="button" className="btn btn-danger" onClick={() => void remove()} disabled={busy !== null}>
            {busy === "delete" && <span className="spinner" aria-hidden />}
            Delete
          </button>
        )}
      </div>
    </form>
  );
}
