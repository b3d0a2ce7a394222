"use client";
// The SQL page: pick a data source, write SQL, run it, see the result as a chart and a table, save it as
// a chart and put it on a dashboard.
import dynamic from "next/dynamic";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { ChartView } from "@/components/charts/ChartView";
import type { SqlEditorError } from "@/components/editor/SqlEditor";
import { resolveVizType } from "@/lib/charts/build-chart-option";
import type { ChartRecord } from "@/lib/charts/chart-record";
import type { VizConfig, VizType } from "@/lib/charts/types";
import type { DataSourceSummary } from "@/lib/data-sources/schemas";
import { lineAndColumn } from "@/lib/warehouse/sql-text";
import type { QueryResult } from "@/lib/warehouse/types";
import { AddToDashboard } from "./AddToDashboard";
import { ApiError, createChartRequest, runQueryRequest, updateChartRequest } from "./api";
import { formatDuration, ResultTable } from "./ResultTable";
import { SaveChartForm } from "./SaveChartForm";
import styles from "./sql.module.css";

// Monaco runs only in the browser; this also keeps it out of the server bundle.
const SqlEditor = dynamic(() => import("@/components/editor/SqlEditor"), {
  ssr: false,
  loading: () => <div className={styles.editorPlaceholder}>Loading editor…</div>,
});

const VIZ_TYPES: { value: VizType; label: string }[] = [
  { value: "auto", label: "Auto" },
  { value: "line", label: "Line" },
  { value: "area", label: "Area" },
  { value: "bar", label: "Bar" },
  { value: "number", label: "Number" },
  { value: "table", label: "Table" },
  { value: "scatter", label: "Scatter" },
  { value: "pie", label: "Pie" },
];

type RunState =
  | { status: "idle" }
  | { status: "running"; startedAt: number; sql: string }
  | { status: "done"; result: QueryResult; ranAt: Date; sql: string }
  | { status: "failed"; error: QueryError; ranAt: Date; sql: string };

interface QueryError {
  message: string;
  position?: number;
  hint?: string;
  detail?: string;
}

export interface SqlWorkspaceProps {
  dataSources: DataSourceSummary[];
  canSave: boolean;
  /** Opened from an existing chart (/sql?chart=ID). */
  chart?: ChartRecord | null;
}

export function SqlWorkspace({ dataSources, canSave, chart: initialChart }: SqlWorkspaceProps) {
  const id = useId();
  const [dataSourceId, setDataSourceId] = useState(
    () => initialChart?.dataSourceId ?? (dataSources.find((d) => d.isDemo) ?? dataSources[0])?.id ?? "",
  );
  const [sql, setSql] = useState(initialChart?.sql ?? "");
  const [run, setRun] = useState<RunState>({ status: "idle" });
  // The last successful result stays on screen while a new run is in flight or after it fails.
  const [lastResult, setLastResult] = useState<{ result: QueryResult; ranAt: Date } | null>(null);
  const [vizType, setVizType] = useState<VizType>(initialChart?.vizType ?? "auto");
  const [vizConfig, setVizConfig] = useState<VizConfig>(initialChart?.vizConfig ?? {});
  const [saved, setSaved] = useState<{ id: string; title: string; description: string; version: number } | null>(
    initialChart ? { id: initialChart.id, title: initialChart.title, description: initialChart.description, version: initialChart.version } : null,
  );
  const [panel, setPanel] = useState<"none" | "save" | "dashboard">("none");
  const [saveMessage, setSaveMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  const runQuery = useCallback(async () => {
    if (!dataSourceId || sql.trim() === "") return;
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    const text = sql;
    setRun({ status: "running", startedAt: Date.now(), sql: text });
    try {
      const result = await runQueryRequest(dataSourceId, text, controller.signal);
      const ranAt = new Date();
      setRun({ status: "done", result, ranAt, sql: text });
      setLastResult({ result, ranAt });
    } catch (e) {
      if (controller.signal.aborted) return;
      const error: QueryError =
        e instanceof ApiError
          ? {
              message: e.message,
              position: typeof e.details.position === "number" ? e.details.position : undefined,
              hint: typeof e.details.hint === "string" ? e.details.hint : undefined,
              detail: typeof e.details.detail === "string" ? e.details.detail : undefined,
            }
          : { message: e instanceof Error ? `Could not reach Spyglass: ${e.message}` : String(e) };
      setRun({ status: "failed", error, ranAt: new Date(), sql: text });
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
    }
  }, [dataSourceId, sql]);

  const cancel = useCallback(() => {
    abortRef.current?.abort();
    abortRef.current = null;
    setRun({ status: "idle" });
  }, []);

  useEffect(() => () => abortRef.current?.abort(), []);

  // Opening a saved chart shows its current result straight away.
  const openedChartId = initialChart?.id;
  const autoRan = useRef(false);
  useEffect(() => {
    if (!openedChartId || autoRan.current) return;
    // Marked inside the timer: React's development double effect clears the first timer.
    const timer = setTimeout(() => {
      autoRan.current = true;
      void runQuery();
    }, 0);
    return () => clearTimeout(timer);
  }, [openedChartId, runQuery]);

  const editorError: SqlEditorError | null =
    run.status === "failed" && run.error.position ? { position: run.error.position, message: run.error.message } : null;

  const shown = lastResult?.result ?? null;
  const inferred = useMemo(() => (shown ? resolveVizType("auto", shown) : null), [shown]);
  const drawnAs = vizType === "auto" ? inferred : vizType;
  const selectedDataSource = dataSources.find((d) => d.id === dataSourceId);

  async function saveNewChart({ title, description }: { title: string; description: string }) {
    const body = {
      title,
      description,
      sql,
      dataSourceId,
      // Save what the user sees: "auto" is pinned to the type it resolved to for this result.
      vizType: vizType === "auto" && shown ? resolveVizType("auto", shown) : vizType,
      vizConfig,
    };
    const { id: chartId } = await createChartRequest(body);
    setSaved({ id: chartId, title, description, version: 1 });
    setVizType(body.vizType);
    setPanel("dashboard");
    setSaveMessage(null);
  }

  async function saveChanges() {
    if (!saved) return;
    setSaveMessage(null);
    try {
      const updated = await updateChartRequest(saved.id, {
        version: saved.version,
        sql,
        dataSourceId,
        vizType: vizType === "auto" && shown ? resolveVizType("auto", shown) : vizType,
        vizConfig,
      });
      setSaved({ id: updated.id, title: updated.title, description: updated.description, version: updated.version });
      setSaveMessage({ kind: "ok", text: `Saved “${updated.title}”.` });
    } catch (e) {
      setSaveMessage({ kind: "error", text: e instanceof Error ? e.message : String(e) });
    }
  }

  if (dataSources.length === 0) {
    return (
      <div className="card empty">
        <p>No data source is connected yet.</p>
        <p>An administrator can add a PostgreSQL or Redshift connection; the demo warehouse appears here when it is loaded.</p>
      </div>
    );
  }

  return (
    <div className={styles.workspace}>
      <div className={styles.header}>
        <h1>{saved ? saved.title : "SQL"}</h1>
        <div className={styles.picker}>
          <label htmlFor={`${id}-ds`}>Data source</label>
          <select id={`${id}-ds`} className="input" value={dataSourceId} onChange={(e) => setDataSourceId(e.target.value)}>
            {dataSources.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
                {d.kind === "REDSHIFT" ? " (Redshift)" : ""}
              </option>
            ))}
          </select>
        </div>
        <span className="spacer" />
        {canSave && saved && (
          <button type="button" className="btn" onClick={saveChanges} disabled={sql.trim() === ""}>
            Save changes
          </button>
        )}
        {canSave && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setPanel(panel === "save" ? "none" : "save");
              setSaveMessage(null);
            }}
            disabled={sql.trim() === "" || !dataSourceId}
            aria-expanded={panel === "save"}
          >
            Save as chart
          </button>
        )}
      </div>

      {saveMessage && (
        <div className={saveMessage.kind === "error" ? "alert" : styles.okMessage} role={saveMessage.kind === "error" ? "alert" : "status"}>
          {saveMessage.text}
        </div>
      )}
      {panel === "save" && (
        <SaveChartForm
          initialTitle=""
          onSave={saveNewChart}
          onCancel={() => setPanel("none")}
        />
      )}
      {panel === "dashboard" && saved && <AddToDashboard chartId={saved.id} chartTitle={saved.title} />}

      <SqlEditor value={sql} onChange={setSql} onRun={runQuery} error={editorError} height={260} />

      <div className={styles.runBar}>
        <button
          type="button"
          className="btn btn-primary"
          onClick={runQuery}
          disabled={run.status === "running" || sql.trim() === "" || !dataSourceId}
          aria-busy={run.status === "running"}
        >
          {run.status === "running" ? (
            <>
              <span className="spinner" aria-hidden="true" />
              Running…
            </>
          ) : (
            "Run"
          )}
        </button>
        {run.status === "running" && (
          <>
            <Elapsed since={run.startedAt} />
            <button type="button" className="btn" onClick={cancel}>
              Cancel
            </button>
          </>
        )}
        {run.status === "done" && (
          <span className="muted">
            {run.result.rowCount.toLocaleString("en-US")} {run.result.rowCount === 1 ? "row" : "rows"} in {formatDuration(run.result.durationMs)}
          </span>
        )}
        <span className="spacer" />
        <span className={styles.shortcut}>
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> runs the query{selectedDataSource ? ` on ${selectedDataSource.name}` : ""}
        </span>
      </div>

      {run.status === "failed" && <QueryErrorBox error={run.error} sql={run.sql} />}

      {shown ? (
        <>
          <section className={`card ${styles.chartCard}`} data-testid="chart" aria-label="Chart">
            <div className={styles.chartToolbar}>
              <div className={styles.picker}>
                <label htmlFor={`${id}-viz`}>Chart type</label>
                <select id={`${id}-viz`} className="input" value={vizType} onChange={(e) => setVizType(e.target.value as VizType)}>
                  {VIZ_TYPES.map((v) => (
                    <option key={v.value} value={v.value}>
                      {v.value === "auto" && inferred ? `Auto (${inferred})` : v.label}
                    </option>
                  ))}
                </select>
              </div>
              {drawnAs !== "table" && (
                <div className={styles.picker}>
                  <label htmlFor={`${id}-format`}>Format</label>
                  <select
                    id={`${id}-format`}
                    className="input"
                    value={vizConfig.format ?? "number"}
                    onChange={(e) => setVizConfig({ ...vizConfig, format: e.target.value as VizConfig["format"] })}
                  >
                    <option value="number">Number</option>
                    <option value="currency">Currency</option>
                    <option value="percent">Percent</option>
                  </select>
                </div>
              )}
              {(drawnAs === "line" || drawnAs === "area" || drawnAs === "bar") && (
                <label className={styles.checkbox}>
                  <input
                    type="checkbox"
                    checked={vizConfig.stacked ?? false}
                    onChange={(e) => setVizConfig({ ...vizConfig, stacked: e.target.checked })}
                  />
                  Stacked
                </label>
              )}
            </div>
            <ChartView result={shown} vizType={vizType} config={vizConfig} title={saved?.title ?? "Query result"} height={340} />
          </section>
          <section className={`card ${styles.resultsCard}`} data-testid="results" aria-label="Results">
            <ResultTable result={shown} ranAt={lastResult!.ranAt} />
          </section>
        </>
      ) : (
        <section className={`card ${styles.resultsCard}`} data-testid="results" aria-label="Results">
          <p className="empty">
            {run.status === "running" ? "Running…" : "Write a query and press Ctrl+Enter to run it."}
          </p>
        </section>
      )}
    </div>
  );
}

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="muted" aria-live="off">
      {((now - since) / 1000).toFixed(1)} s
    </span>
  );
}

function QueryErrorBox({ error, sql }: { error: QueryError; sql: string }) {
  const where = error.position ? lineAndColumn(sql, error.position) : null;
  return (
    <div className={`alert ${styles.errorBox}`} role="alert">
      <strong>{error.message}</strong>
      {where && (
        <div>
          at line {where.line}, column {where.column}
        </div>
      )}
      {error.detail && <div>{error.detail}</div>}
      {error.hint && <div>Hint: {error.hint}</div>}
    </div>
  );
}
