"use client";
// The SQL page: query tabs, a schema browser, Monaco with autocomplete, parameters, run / run selection /
// cancel / format / snippets / export, and the result as a chart and a virtualized grid; save it as a chart
// and put it on a dashboard.
import dynamic from "next/dynamic";
import Link from "next/link";
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { authorshipLine } from "@/components/chart-editor/authorship";
import { ChartSettings, type SettingsUpdate } from "@/components/chart-editor/ChartSettings";
import { fieldLabel } from "@/components/chart-editor/controls";
import { errorSummary, settingsErrors, validPart } from "@/components/chart-editor/validate";
import { ChartView } from "@/components/charts/ChartView";
import { relativeTime } from "@/components/dashboards/relative-time";
import { StarButton } from "@/components/favourites/StarButton";
import { randomUuid } from "@/components/ui/random-uuid";
import { Markdown } from "@/components/ui/Markdown";
import type { RunRequest, SqlEditorApi, SqlEditorError } from "@/components/editor/SqlEditor";
import { SchemaBrowser } from "@/components/schema-browser/SchemaBrowser";
import { fetchSchemaTree } from "@/components/schema-browser/schema-client";
import { resolveVizType } from "@/lib/charts/build-chart-option";
import type { ChartRecord } from "@/lib/charts/chart-record";
import type { VizType } from "@/lib/charts/types";
import type { DataSourceSummary } from "@/lib/data-sources/schemas";
import type { FavouriteItem } from "@/lib/favourites/schemas";
import { findParametersWithSnippets } from "@/lib/snippets/snippet-parameters";
import type { SchemaTree } from "@/lib/schema/types";
import { lineAndColumn } from "@/lib/warehouse/sql-text";
import { AddToDashboard } from "./AddToDashboard";
import {
  ApiError,
  cancelRunRequest,
  createChartRequest,
  getChartRequest,
  getHistoryRunRequest,
  listSnippetsRequest,
  runQueryRequest,
  submitExport,
  updateChartRequest,
  type RunQueryResponse,
} from "./api";
import { ExportMenu, type ExportFormat } from "./ExportMenu";
import { ParametersBar } from "./ParametersBar";
import { QueryTabs } from "./QueryTabs";
import { ResultGrid } from "./ResultGrid";
import { SaveChartForm } from "./SaveChartForm";
import { SnippetsPicker } from "./SnippetsPicker";
import {
  createTab,
  loadTabs,
  parameterSpecsToSave,
  parameterStateFromSpecs,
  parametersForRun,
  parseTabs,
  saveTabs,
  storageKey,
  toParameterInput,
  type QueryTab,
  type SavedChartRef,
  type TabsState,
} from "./tabs";
import { ConflictPrompt } from "@/components/ui/ConflictPrompt";
import styles from "./sql.module.css";

// Monaco runs only in the browser; this also keeps it out of the server bundle.
const SqlEditor = dynamic(() => import("@/components/editor/SqlEditor"), {
  ssr: false,
  loading: () => <div className={styles.editorPlaceholder}>Loading editor…</div>,
});

const CANCELLED_MESSAGE = "Query cancelled";

type RunState =
  | { status: "idle" }
  | { status: "running"; startedAt: number; sql: string; offset: number; runId: string; cancelling: boolean }
  | { status: "done"; sql: string }
  | { status: "cancelled"; sql: string }
  | { status: "failed"; error: QueryError; sql: string; offset: number; text: string };

interface QueryError {
  message: string;
  position?: number;
  hint?: string;
  detail?: string;
}

interface ShownResult {
  result: RunQueryResponse;
  ranAt: Date;
}

export interface SqlWorkspaceProps {
  dataSources: DataSourceSummary[];
  canSave: boolean;
  /** Tabs are kept in this browser per user. */
  userId: string;
  /** The signed-in user's name, shown as owner and editor of the charts they save. */
  userName: string;
  /** Opened from an existing chart (/sql?chart=ID). */
  chart?: ChartRecord | null;
  /** Opened from the history (/sql?run=ID). */
  runId?: string;
}

const subscribeNothing = () => () => {};

export function SqlWorkspace(props: SqlWorkspaceProps) {
  // Tabs live in localStorage, so the workspace renders in the browser only (no hydration mismatch).
  const inBrowser = useSyncExternalStore(subscribeNothing, () => true, () => false);
  if (props.dataSources.length === 0) {
    return (
      <div className="card empty">
        <p>No data source is connected yet.</p>
        <p>
          An administrator adds a PostgreSQL or Redshift connection under <Link href="/admin/data-sources">Data sources</Link>; the demo
          warehouse appears here when it is loaded.
        </p>
      </div>
    );
  }
  if (!inBrowser) return <div className={styles.editorPlaceholder}>Loading editor…</div>;
  return <Workspace {...props} />;
}

/** The tab's reference to a saved chart, with who owns it and who saved it last. */
function chartRef(chart: ChartRecord): SavedChartRef {
  return {
    id: chart.id,
    title: chart.title,
    description: chart.description,
    version: chart.version,
    ownerName: chart.owner?.name ?? null,
    updatedByName: chart.updatedBy?.name ?? null,
    updatedAt: chart.updatedAt,
  };
}

function initialTabs({ userId, chart, dataSources }: SqlWorkspaceProps): TabsState {
  const defaultDs = (dataSources.find((d) => d.isDemo) ?? dataSources[0])?.id ?? "";
  const stored = loadTabs(userId);
  let state: TabsState = stored ?? (() => {
    const tab = createTab(defaultDs, []);
    return { tabs: [tab], activeId: tab.id };
  })();
  // Tabs whose data source is gone fall back to the default one.
  state = { ...state, tabs: state.tabs.map((t) => (dataSources.some((d) => d.id === t.dataSourceId) ? t : { ...t, dataSourceId: defaultDs })) };
  if (chart) {
    const open = state.tabs.find((t) => t.chart?.id === chart.id);
    if (open) {
      // The tab keeps the version it was edited from (so a save still detects others' changes); who
      // owns the chart and who saved it last come from the database.
      const { ownerName, updatedByName, updatedAt } = chartRef(chart);
      const tabs = state.tabs.map((t) => (t.id === open.id && t.chart ? { ...t, chart: { ...t.chart, ownerName, updatedByName, updatedAt } } : t));
      return { tabs, activeId: open.id };
    }
    const fresh = state.tabs.length === 1 && state.tabs[0].sql.trim() === "" && !state.tabs[0].chart;
    const tab = createTab(chart.dataSourceId, fresh ? [] : state.tabs, {
      title: chart.title,
      sql: chart.sql,
      chart: chartRef(chart),
      vizType: chart.vizType,
      vizConfig: chart.vizConfig ?? {},
      ...parameterStateFromSpecs(chart.parameters),
    });
    return { tabs: fresh ? [tab] : [...state.tabs, tab], activeId: tab.id };
  }
  return state;
}

function Workspace(props: SqlWorkspaceProps) {
  const { dataSources, canSave, userId, userName, chart: initialChart, runId: historyRunId } = props;
  const id = useId();
  const [state, setState] = useState<TabsState>(() => initialTabs(props));
  const [runs, setRuns] = useState<Record<string, RunState>>({});
  const [results, setResults] = useState<Record<string, ShownResult>>({});
  const [schemas, setSchemas] = useState<Record<string, SchemaTree | null>>({});
  const [schemaOpen, setSchemaOpen] = useState(true);
  const [settingsOpen, setSettingsOpen] = useState(true);
  const [hasSelection, setHasSelection] = useState(false);
  const [panel, setPanel] = useState<"none" | "save" | "details" | "dashboard">("none");
  /** A save hit a version conflict: someone else saved the chart since this tab loaded it. */
  const [conflict, setConflict] = useState(false);
  const [saveMessage, setSaveMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [formatError, setFormatError] = useState<string | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [historyNotice, setHistoryNotice] = useState<string | null>(null);
  /** The last tab closed with text in it, until it is reopened or another tab is closed. */
  const [closedTab, setClosedTab] = useState<{ tab: QueryTab; index: number } | null>(null);
  const [exportError, setExportError] = useState<{ tabId: string; error: QueryError; text: string; offset: number } | null>(null);
  const editorApi = useRef<SqlEditorApi | null>(null);
  const inFlight = useRef(new Map<string, { controller: AbortController; runId: string; cancelling: boolean }>());
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  const tab = state.tabs.find((t) => t.id === state.activeId) ?? state.tabs[0];
  const run: RunState = runs[tab.id] ?? { status: "idle" };
  const shown = results[tab.id] ?? null;
  const favourite = useChartFavourite(tab.chart?.id ?? null);

  const updateTab = useCallback((tabId: string, patch: Partial<QueryTab> | ((t: QueryTab) => Partial<QueryTab>)) => {
    setState((s) => ({ ...s, tabs: s.tabs.map((t) => (t.id === tabId ? { ...t, ...(typeof patch === "function" ? patch(t) : patch) } : t)) }));
  }, []);

  // Unsaved text survives a reload: written shortly after the last change, and when the page goes away.
  // Tabs taken from another browser tab are not written back: that page holds them already.
  const adoptedTabs = useRef<TabsState | null>(null);
  useEffect(() => {
    if (state === adoptedTabs.current) return;
    const timer = setTimeout(() => saveTabs(userId, state), 300);
    return () => clearTimeout(timer);
  }, [state, userId]);
  // Another browser tab of the SQL page (History's "Open" opens one) saved its tabs: take them, each page
  // keeping the tab it shows. Otherwise each page wrote its own copy over the other's newer text.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== storageKey(userId)) return;
      const stored = parseTabs(e.newValue);
      if (!stored) return;
      setState((s) => {
        const next = { tabs: stored.tabs, activeId: stored.tabs.some((t) => t.id === s.activeId) ? s.activeId : stored.activeId };
        adoptedTabs.current = next;
        return next;
      });
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [userId]);
  useEffect(() => {
    const flush = () => saveTabs(userId, stateRef.current);
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [userId]);

  // /sql?run=ID opens that run from the history in a new tab (once: a reload focuses the same tab).
  const openedRun = useRef(false);
  useEffect(() => {
    if (!historyRunId || openedRun.current) return;
    openedRun.current = true;
    const existing = stateRef.current.tabs.find((t) => t.fromRunId === historyRunId);
    if (existing) {
      setState((s) => ({ ...s, activeId: existing.id }));
      return;
    }
    getHistoryRunRequest(historyRunId)
      .then((h) => {
        // A run whose data source is gone opens on the current one: say so, or its SQL could run against
        // another warehouse than the one it was written for without anyone noticing.
        if (!dataSources.some((d) => d.id === h.dataSourceId)) {
          const current = dataSources.find((d) => d.id === tab.dataSourceId);
          setHistoryNotice(
            `This run was on "${h.dataSourceName}", which no longer exists${current ? `: it is open on "${current.name}"` : ""}. Pick the data source to run it on.`,
          );
        }
        setState((s) => {
          const parameterTypes: QueryTab["parameterTypes"] = {};
          for (const p of h.parameters ?? []) parameterTypes[p.name] = p.type;
          const parameterInputs: QueryTab["parameterInputs"] = {};
          for (const [k, v] of Object.entries(h.values ?? {})) parameterInputs[k] = toParameterInput(v);
          const known = dataSources.find((d) => d.id === h.dataSourceId);
          const t = createTab(known ? known.id : tab.dataSourceId, s.tabs, {
            title: "From history",
            sql: h.sql,
            parameterTypes,
            parameterInputs,
            fromRunId: historyRunId,
          });
          return { tabs: [...s.tabs, t], activeId: t.id };
        });
      })
      .catch((e: unknown) => setHistoryError(e instanceof Error ? e.message : String(e)));
  }, [historyRunId, dataSources, tab.dataSourceId]);

  // The schema tree of the active tab's data source, for autocomplete.
  const dsId = tab.dataSourceId;
  useEffect(() => {
    if (!dsId || dsId in schemas) return;
    let cancelled = false;
    fetchSchemaTree(dsId)
      .then((tree) => !cancelled && setSchemas((m) => ({ ...m, [dsId]: tree })))
      .catch(() => !cancelled && setSchemas((m) => ({ ...m, [dsId]: null })));
    return () => {
      cancelled = true;
    };
  }, [dsId, schemas]);

  // Snippets by name: parameters inside a snippet the SQL references need inputs too.
  const snippetSql = useSnippetSql();
  const snippetSqlRef = useRef(snippetSql);
  useEffect(() => {
    snippetSqlRef.current = snippetSql;
  });

  // Parameters follow the text as it is typed (deferred, so typing never waits on it).
  const deferredSql = useDeferredValue(tab.sql);
  const parameterNames = useMemo(() => findParametersWithSnippets(deferredSql, snippetSql), [deferredSql, snippetSql]);

  const runTab = useCallback(
    async (tabId: string, request: RunRequest) => {
      const t = stateRef.current.tabs.find((x) => x.id === tabId);
      if (!t || !t.dataSourceId || request.sql.trim() === "") return;
      inFlight.current.get(tabId)?.controller.abort();
      const controller = new AbortController();
      const runId = randomUuid();
      const entry = { controller, runId, cancelling: false };
      inFlight.current.set(tabId, entry);
      setExportError((x) => (x?.tabId === tabId ? null : x));
      const { parameters, values } = parametersForRun(t, findParametersWithSnippets(request.sql, snippetSqlRef.current));
      setRuns((r) => ({ ...r, [tabId]: { status: "running", startedAt: Date.now(), sql: request.sql, offset: request.offset, runId, cancelling: false } }));
      try {
        const result = await runQueryRequest(
          { dataSourceId: t.dataSourceId, sql: request.sql, ...(parameters.length ? { parameters, values } : {}), runId },
          controller.signal,
        );
        setRuns((r) => ({ ...r, [tabId]: { status: "done", sql: request.sql } }));
        setResults((m) => ({ ...m, [tabId]: { result, ranAt: new Date() } }));
      } catch (e) {
        if (controller.signal.aborted && !entry.cancelling) return; // replaced by a newer run
        if (entry.cancelling || (e instanceof ApiError && e.message === CANCELLED_MESSAGE)) {
          setRuns((r) => ({ ...r, [tabId]: { status: "cancelled", sql: request.sql } }));
          return;
        }
        const error = queryErrorOf(e);
        setRuns((r) => ({ ...r, [tabId]: { status: "failed", error, sql: request.sql, offset: request.offset, text: request.text } }));
      } finally {
        if (inFlight.current.get(tabId) === entry) inFlight.current.delete(tabId);
      }
    },
    [],
  );

  const cancel = useCallback(async (tabId: string) => {
    const entry = inFlight.current.get(tabId);
    if (!entry || entry.cancelling) return;
    entry.cancelling = true;
    setRuns((r) => {
      const cur = r[tabId];
      return cur?.status === "running" ? { ...r, [tabId]: { ...cur, cancelling: true } } : r;
    });
    // The server cancels the statement and the run then fails with "Query cancelled". If that is not
    // possible (the run is not registered yet), closing the request cancels the statement too.
    const fallback = setTimeout(() => entry.controller.abort(), 5000);
    try {
      const { cancelled } = await cancelRunRequest(entry.runId);
      if (!cancelled) entry.controller.abort();
    } catch {
      entry.controller.abort();
    } finally {
      entry.controller.signal.addEventListener("abort", () => clearTimeout(fallback));
      if (!inFlight.current.has(tabId)) clearTimeout(fallback);
    }
  }, []);

  // Leaving the page stops what is running.
  useEffect(() => {
    const flights = inFlight.current;
    return () => flights.forEach((f) => f.controller.abort());
  }, []);

  // Opening a saved chart shows its current result straight away.
  const openedChartId = initialChart?.id;
  const autoRan = useRef(false);
  useEffect(() => {
    if (!openedChartId || autoRan.current) return;
    // Marked inside the timer: React's development double effect clears the first timer.
    const timer = setTimeout(() => {
      autoRan.current = true;
      const t = stateRef.current.tabs.find((x) => x.chart?.id === openedChartId);
      if (t) void runTab(t.id, { sql: t.sql, offset: 0, selection: false, text: t.sql });
    }, 0);
    return () => clearTimeout(timer);
  }, [openedChartId, runTab]);

  const runFromEditor = useCallback((request: RunRequest) => void runTab(stateRef.current.activeId, request), [runTab]);
  const runActive = (selectionOnly: boolean) => {
    const request = editorApi.current?.getRunText(selectionOnly) ?? { sql: tab.sql, offset: 0, selection: false, text: tab.sql };
    if (request.sql.trim() !== "") void runTab(tab.id, request);
  };

  function exportResult(format: ExportFormat) {
    const request = editorApi.current?.getRunText(false) ?? { sql: tab.sql, offset: 0, selection: false, text: tab.sql };
    if (request.sql.trim() === "" || !tab.dataSourceId) return;
    const { parameters, values } = parametersForRun(tab, findParametersWithSnippets(request.sql, snippetSql));
    setExportError(null);
    const tabId = tab.id;
    submitExport({ dataSourceId: tab.dataSourceId, sql: request.sql, parameters, values, format }, (e) =>
      setExportError({ tabId, error: queryErrorOf(e), text: request.text, offset: request.offset }),
    );
  }

  function addTab() {
    setState((s) => {
      const current = s.tabs.find((t) => t.id === s.activeId);
      const t = createTab(current?.dataSourceId ?? tab.dataSourceId, s.tabs);
      return { tabs: [...s.tabs, t], activeId: t.id };
    });
    setPanel("none");
    setSaveMessage(null);
  }

  function closeTab(tabId: string) {
    const current = stateRef.current;
    if (current.tabs.length === 1) return;
    inFlight.current.get(tabId)?.controller.abort();
    const index = current.tabs.findIndex((t) => t.id === tabId);
    const closing = current.tabs[index];
    // A tab's text is kept nowhere else: one click on × must not lose it for good.
    setClosedTab(closing && closing.sql.trim() !== "" ? { tab: closing, index } : null);
    setState((s) => {
      if (s.tabs.length === 1) return s;
      const at = s.tabs.findIndex((t) => t.id === tabId);
      const tabs = s.tabs.filter((t) => t.id !== tabId);
      const activeId = s.activeId === tabId ? tabs[Math.max(0, at - 1)].id : s.activeId;
      return { tabs, activeId };
    });
    const without = <T,>(m: Record<string, T>) => Object.fromEntries(Object.entries(m).filter(([k]) => k !== tabId));
    setResults(without);
    setRuns(without);
  }

  function reopenClosedTab() {
    if (!closedTab) return;
    const { tab: reopened, index } = closedTab;
    setState((s) => {
      const tabs = [...s.tabs];
      tabs.splice(Math.min(index, tabs.length), 0, reopened);
      return { tabs, activeId: reopened.id };
    });
    setClosedTab(null);
  }

  function selectTab(tabId: string) {
    setState((s) => ({ ...s, activeId: tabId }));
    setPanel("none");
    setSaveMessage(null);
    setHasSelection(false);
  }

  // One object per failed run: the editor marks it once and clears the mark on the next edit. A new object on
  // every render would put the mark back (at a stale position) after each keystroke.
  const failedRun = runs[tab.id];
  const editorError: SqlEditorError | null = useMemo(
    () =>
      failedRun?.status === "failed" && failedRun.error.position
        ? { position: failedRun.error.position + failedRun.offset, message: failedRun.error.message }
        : null,
    [failedRun],
  );

  // The preview draws what is valid of the settings while the analyst is still typing; saving needs all of it.
  const previewConfig = useMemo(() => validPart(tab.vizConfig), [tab.vizConfig]);
  // The chart reads every row (series, sampling), the grid only the visible ones: the chart takes the result
  // and its settings a render later, so a big result's first rows are painted before the chart is worked
  // out, and typing in the settings never waits for the chart to be rebuilt.
  const chartResult = useDeferredValue(shown?.result ?? null);
  const chartConfig = useDeferredValue(previewConfig);
  const updateSettings = (update: SettingsUpdate) =>
    updateTab(tab.id, (t) => {
      const next = update({ vizType: t.vizType, config: t.vizConfig, drafts: t.vizDrafts ?? {} });
      return { vizType: next.vizType, vizConfig: next.config, vizDrafts: next.drafts };
    });
  /** Why the settings cannot be saved yet, or null. */
  const settingsProblem = () => {
    const summary = errorSummary(settingsErrors(tab.vizConfig, tab.vizDrafts ?? {}), fieldLabel);
    return summary ? `Fix the chart settings first. ${summary}` : null;
  };
  const runningTabs = useMemo(() => new Set(Object.entries(runs).filter(([, r]) => r.status === "running").map(([k]) => k)), [runs]);
  const canRun = tab.sql.trim() !== "" && !!tab.dataSourceId;
  /** The last run failed or was cancelled: the result shown is an earlier run's, and says so. */
  const previousResult = run.status === "failed" || run.status === "cancelled";

  async function saveNewChart({ title, description }: { title: string; description: string }) {
    const problem = settingsProblem();
    if (problem) {
      setSettingsOpen(true);
      throw new Error(problem);
    }
    const vizType: VizType = tab.vizType === "auto" && shown ? resolveVizType("auto", shown.result) : tab.vizType;
    const { id: chartId } = await createChartRequest({
      title,
      description,
      sql: tab.sql,
      dataSourceId: tab.dataSourceId,
      vizType,
      vizConfig: tab.vizConfig,
      parameters: parameterSpecsToSave(tab, findParametersWithSnippets(tab.sql, snippetSql)),
    });
    const chart = { id: chartId, title, description, version: 1, ownerName: userName, updatedByName: userName, updatedAt: new Date().toISOString() };
    updateTab(tab.id, { chart, vizType, title });
    setPanel("dashboard");
    setSaveMessage(null);
  }

  /** Saves only the title and description, so SQL or settings being edited in the tab stay unsaved. */
  async function saveDetails({ title, description }: { title: string; description: string }) {
    if (!tab.chart) return;
    setSaveMessage(null);
    try {
      const updated = await updateChartRequest(tab.chart.id, { version: tab.chart.version, title, description });
      updateTab(tab.id, (t) => ({ chart: t.chart ? { ...chartRef(updated) } : null, title: updated.title }));
      setPanel("none");
      setSaveMessage({ kind: "ok", text: `Saved the title and description of “${updated.title}”.` });
    } catch (e) {
      // A conflict gets the Reload prompt; the form stays open with what was typed.
      if (isConflict(e)) setConflict(true);
      else throw e;
    }
  }

  /** After a conflict: the chart as saved now replaces the tab's SQL, settings and parameters. */
  async function reloadChart() {
    if (!tab.chart) return;
    try {
      const latest = await getChartRequest(tab.chart.id);
      updateTab(tab.id, {
        chart: chartRef(latest),
        title: latest.title,
        sql: latest.sql,
        dataSourceId: latest.dataSourceId,
        vizType: latest.vizType,
        vizConfig: latest.vizConfig ?? {},
        vizDrafts: {},
        ...parameterStateFromSpecs(latest.parameters),
      });
      setConflict(false);
      setPanel("none");
      setSaveMessage({ kind: "ok", text: `Loaded the latest version of “${latest.title}” (version ${latest.version}).` });
    } catch (e) {
      setSaveMessage({ kind: "error", text: `Could not reload the chart: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  async function saveChanges() {
    if (!tab.chart) return;
    setSaveMessage(null);
    const problem = settingsProblem();
    if (problem) {
      setSettingsOpen(true);
      setSaveMessage({ kind: "error", text: problem });
      return;
    }
    try {
      const updated = await updateChartRequest(tab.chart.id, {
        version: tab.chart.version,
        sql: tab.sql,
        dataSourceId: tab.dataSourceId,
        vizType: tab.vizType === "auto" && shown ? resolveVizType("auto", shown.result) : tab.vizType,
        vizConfig: tab.vizConfig,
        parameters: parameterSpecsToSave(tab, findParametersWithSnippets(tab.sql, snippetSql)),
      });
      updateTab(tab.id, { chart: chartRef(updated) });
      setSaveMessage({ kind: "ok", text: `Saved “${updated.title}”.` });
    } catch (e) {
      if (isConflict(e)) setConflict(true);
      else setSaveMessage({ kind: "error", text: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <div className={`${styles.workspace} ${schemaOpen ? "" : styles.schemaCollapsed}`}>
      <aside className={styles.schemaPanel} aria-label="Schema">
        <div className={styles.schemaHeader}>
          {schemaOpen && <span className={styles.schemaTitle}>Schema</span>}
          <button
            type="button"
            className={styles.iconButton}
            onClick={() => setSchemaOpen(!schemaOpen)}
            aria-expanded={schemaOpen}
            aria-label={schemaOpen ? "Hide schema browser" : "Show schema browser"}
            title={schemaOpen ? "Hide schema browser" : "Show schema browser"}
          >
            {schemaOpen ? "«" : "»"}
          </button>
        </div>
        {schemaOpen && tab.dataSourceId && (
          <div className={styles.schemaBody}>
            <SchemaBrowser dataSourceId={tab.dataSourceId} onInsert={(text) => editorApi.current?.insertAtCursor(text)} />
          </div>
        )}
      </aside>

      <div className={styles.main}>
        <div className={styles.header}>
          <h1>{tab.chart ? tab.chart.title : "SQL"}</h1>
          {tab.chart && favourite && favourite.id === tab.chart.id && (
            <StarButton key={tab.chart.id} kind="chart" id={tab.chart.id} initial={favourite.on} title={tab.chart.title} />
          )}
          {tab.chart?.updatedAt && (
            <span className={styles.authorship} title={`Last saved ${new Date(tab.chart.updatedAt).toLocaleString()}`}>
              {authorshipLine({ ownerName: tab.chart.ownerName ?? null, updatedByName: tab.chart.updatedByName ?? null, updatedAt: tab.chart.updatedAt })}
            </span>
          )}
          <span className="spacer" />
          {canSave && tab.chart && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                setPanel(panel === "details" ? "none" : "details");
                setSaveMessage(null);
              }}
              aria-expanded={panel === "details"}
            >
              Edit title and description
            </button>
          )}
          {canSave && tab.chart && (
            <button type="button" className="btn" onClick={saveChanges} disabled={tab.sql.trim() === ""}>
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
              disabled={!canRun}
              aria-expanded={panel === "save"}
            >
              Save as chart
            </button>
          )}
        </div>

        {historyError && <div className="notice">Could not open that run from the history: {historyError}</div>}
        {historyNotice && tab.fromRunId === historyRunId && (
          <div className="notice" role="status" data-testid="history-notice">
            {historyNotice}
          </div>
        )}
        {closedTab && (
          <div className="notice" role="status">
            Closed “{closedTab.tab.title}”.{" "}
            <button type="button" className={styles.linkButton} onClick={reopenClosedTab}>
              Reopen it
            </button>
            <span aria-hidden="true"> · </span>
            <button type="button" className={styles.linkButton} onClick={() => setClosedTab(null)}>
              Dismiss
            </button>
          </div>
        )}
        {saveMessage && (
          <div className={saveMessage.kind === "error" ? "alert" : styles.okMessage} role={saveMessage.kind === "error" ? "alert" : "status"}>
            {saveMessage.text}
          </div>
        )}
        {tab.chart && tab.chart.description.trim() !== "" && panel !== "details" && (
          <details className={styles.definition}>
            <summary>Definition</summary>
            <Markdown source={tab.chart.description} />
          </details>
        )}
        {conflict && tab.chart && (
          <ConflictPrompt what="this chart" reloadLoses="your unsaved changes in this tab" onReload={() => void reloadChart()} onKeepEditing={() => setConflict(false)} />
        )}
        {panel === "save" && <SaveChartForm initialTitle="" onSave={saveNewChart} onCancel={() => setPanel("none")} />}
        {panel === "details" && tab.chart && (
          <SaveChartForm
            key={`${tab.chart.id}:${tab.chart.version}`}
            heading="Edit title and description"
            initialTitle={tab.chart.title}
            initialDescription={tab.chart.description}
            onSave={saveDetails}
            onCancel={() => setPanel("none")}
          />
        )}
        {panel === "dashboard" && tab.chart && <AddToDashboard chartId={tab.chart.id} chartTitle={tab.chart.title} />}

        <div className={styles.editorBlock}>
          <QueryTabs
            tabs={state.tabs}
            activeId={tab.id}
            running={runningTabs}
            onSelect={selectTab}
            onAdd={addTab}
            onClose={closeTab}
            onRename={(tabId, title) => updateTab(tabId, { title })}
          />
          <SqlEditor
            key={tab.id}
            modelId={tab.id}
            liveModelIds={state.tabs.map((t) => t.id)}
            value={tab.sql}
            onChange={(sql) => updateTab(tab.id, { sql })}
            onRun={runFromEditor}
            onReady={(api) => {
              editorApi.current = api;
            }}
            schema={schemas[tab.dataSourceId] ?? null}
            onFormatError={(m) => setFormatError(m)}
            onSelectionChange={setHasSelection}
            error={editorError}
            height={260}
          />
        </div>

        <div className={styles.toolbar}>
          <div className={styles.picker}>
            <label htmlFor={`${id}-ds`}>Data source</label>
            <select id={`${id}-ds`} className="input" value={tab.dataSourceId} onChange={(e) => updateTab(tab.id, { dataSourceId: e.target.value })}>
              {dataSources.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                  {d.kind === "REDSHIFT" ? " (Redshift)" : ""}
                </option>
              ))}
            </select>
          </div>
          <span className={styles.divider} aria-hidden="true" />
          {run.status === "running" ? (
            <>
              <button type="button" className="btn btn-primary" disabled aria-busy="true">
                <span className="spinner" aria-hidden="true" />
                Running…
              </button>
              <button type="button" className="btn" onClick={() => void cancel(tab.id)} disabled={run.cancelling}>
                {run.cancelling ? "Cancelling…" : "Cancel"}
              </button>
              <Elapsed since={run.startedAt} />
            </>
          ) : (
            <>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => runActive(false)}
                disabled={!canRun}
                title="Run (Ctrl/Cmd+Enter): runs the selection when there is one"
              >
                Run <span aria-hidden="true">▸</span>
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => runActive(true)}
                disabled={!canRun || !hasSelection}
                title="Run selection (Ctrl/Cmd+Shift+Enter)"
              >
                Run selection
              </button>
            </>
          )}
          <button type="button" className="btn" onClick={() => editorApi.current?.format()} title="Format (Shift+Alt+F)" disabled={tab.sql.trim() === ""}>
            Format
          </button>
          <SnippetsPicker onPick={(name) => editorApi.current?.insertAtCursor(`[${name}]`)} />
          <ExportMenu disabled={!canRun} onExport={exportResult} />
          <span className="spacer" />
          <span className={styles.shortcut}>
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to run
          </span>
        </div>

        <ParametersBar
          names={parameterNames}
          types={tab.parameterTypes}
          inputs={tab.parameterInputs}
          onTypeChange={(name, type) => updateTab(tab.id, (t) => ({ parameterTypes: { ...t.parameterTypes, [name]: type } }))}
          onInputChange={(name, input) => updateTab(tab.id, (t) => ({ parameterInputs: { ...t.parameterInputs, [name]: input } }))}
          onSubmit={() => runActive(false)}
        />

        {formatError && (
          <div className="notice" role="status">
            Could not format this SQL: {formatError}{" "}
            <button type="button" className={styles.linkButton} onClick={() => setFormatError(null)}>
              Dismiss
            </button>
          </div>
        )}
        {exportError?.tabId === tab.id && (
          <QueryErrorBox title="The export failed:" error={exportError.error} text={exportError.text} offset={exportError.offset} />
        )}
        {run.status === "failed" && <QueryErrorBox error={run.error} text={run.text} offset={run.offset} />}
        {run.status === "cancelled" && (
          <div className="notice" role="status">
            {CANCELLED_MESSAGE}
          </div>
        )}

        {shown ? (
          <>
            <section className={`card ${styles.chartCard}`} data-testid="chart" aria-label="Chart">
              <div className={styles.chartHead}>
                <h2 className={styles.chartHeading}>Chart</h2>
                {previousResult && <span className={styles.previous}>of the previous run</span>}
                <button
                  type="button"
                  className={styles.linkButton}
                  onClick={() => setSettingsOpen(!settingsOpen)}
                  aria-expanded={settingsOpen}
                  aria-controls={`${id}-settings`}
                >
                  {settingsOpen ? "Hide settings" : "Show settings"}
                </button>
              </div>
              <div className={`${styles.chartLayout} ${settingsOpen ? "" : styles.settingsHidden}`}>
                <aside id={`${id}-settings`} className={styles.settingsPanel} aria-label="Chart settings" hidden={!settingsOpen}>
                  <ChartSettings
                    key={tab.id}
                    result={shown.result}
                    value={{ vizType: tab.vizType, config: tab.vizConfig, drafts: tab.vizDrafts ?? {} }}
                    onChange={updateSettings}
                  />
                </aside>
                <div className={styles.preview}>
                  {chartResult === shown.result ? (
                    <ChartView result={chartResult} vizType={tab.vizType} config={chartConfig} title={tab.chart?.title ?? "Query result"} height={360} />
                  ) : (
                    // No chart of an earlier result meanwhile: its "rendered" status would be read as this one's.
                    <div className={styles.chartPending} style={{ height: 360 }} role="status">
                      Drawing the chart…
                    </div>
                  )}
                </div>
              </div>
            </section>
            <section className={`card ${styles.resultsCard}`} data-testid="results" aria-label="Results">
              <ResultStatus shown={shown} previous={previousResult} />
              {shown.result.columns.length === 0 ? (
                <p className="empty">The statement returned no columns.</p>
              ) : shown.result.rows.length === 0 ? (
                // The columns and their types still tell the analyst what the query would return.
                <>
                  <ResultGrid result={shown.result} />
                  <p className="empty">The query returned no rows.</p>
                </>
              ) : (
                <ResultGrid result={shown.result} />
              )}
            </section>
          </>
        ) : (
          <section className={`card ${styles.resultsCard}`} data-testid="results" aria-label="Results">
            <p className="empty">
              {run.status === "running"
                ? "Running…"
                : run.status === "failed"
                  ? "No result: fix the error above and run again (Ctrl+Enter)."
                  : "Write a query and press Ctrl+Enter to run it."}
            </p>
          </section>
        )}
      </div>
    </div>
  );
}

function queryErrorOf(e: unknown): QueryError {
  return e instanceof ApiError
    ? {
        message: e.message,
        position: typeof e.details.position === "number" ? e.details.position : undefined,
        hint: typeof e.details.hint === "string" ? e.details.hint : undefined,
        detail: typeof e.details.detail === "string" ? e.details.detail : undefined,
      }
    : { message: e instanceof Error ? `Could not reach Spyglass: ${e.message}` : String(e) };
}

const NO_SNIPPETS: ReadonlyMap<string, string> = new Map();

/** The saved snippets' SQL by name (empty until loaded, or when they cannot be read). */
function useSnippetSql(): ReadonlyMap<string, string> {
  const [snippets, setSnippets] = useState(NO_SNIPPETS);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      listSnippetsRequest()
        .then(({ snippets: list }) => !cancelled && setSnippets(new Map(list.map((s) => [s.name, s.sql]))))
        // Without them, parameters inside snippets get no input and the server names the missing one.
        .catch(() => undefined);
    void load();
    // A snippet edited in another browser tab is read again when the analyst comes back.
    window.addEventListener("focus", load);
    return () => {
      cancelled = true;
      window.removeEventListener("focus", load);
    };
  }, []);
  return snippets;
}

function isConflict(e: unknown): boolean {
  return e instanceof ApiError && e.status === 409;
}

/**
 * Whether the signed-in user has starred the chart, read from their favourites whenever another chart is
 * shown (so a star toggled in one tab reads right when coming back to it). Null until known.
 */
function useChartFavourite(chartId: string | null): { id: string; on: boolean } | null {
  const [state, setState] = useState<{ id: string; on: boolean } | null>(null);
  useEffect(() => {
    if (!chartId) return;
    let cancelled = false;
    fetch("/api/favourites")
      .then((res) => (res.ok ? (res.json() as Promise<{ favourites: FavouriteItem[] }>) : { favourites: [] }))
      .then(({ favourites }) => {
        if (!cancelled) setState({ id: chartId, on: favourites.some((f) => f.kind === "chart" && f.id === chartId) });
      })
      .catch(() => {
        // Without the list the star starts off; toggling it still saves.
        if (!cancelled) setState({ id: chartId, on: false });
      });
    return () => {
      cancelled = true;
    };
  }, [chartId]);
  return state;
}

function ResultStatus({ shown, previous }: { shown: ShownResult; previous: boolean }) {
  const { result, ranAt } = shown;
  const rows = result.rowCount.toLocaleString("en-US");
  return (
    <p className={styles.meta} role="status">
      {previous && <span className={styles.previous}>Result of the previous run:</span>}
      <span>
        {rows} {result.rowCount === 1 ? "row" : "rows"}
      </span>
      <span aria-hidden="true">·</span>
      <span>{formatDuration(result.durationMs)}</span>
      <span aria-hidden="true">·</span>
      <span>
        ran at <time dateTime={ranAt.toISOString()}>{ranAt.toLocaleTimeString()}</time>
      </span>
      {result.cached && result.computedAt && (
        <>
          <span aria-hidden="true">·</span>
          <span className={styles.cached}>cached, computed {relativeTime(result.computedAt)}</span>
        </>
      )}
      {result.joined && result.startedAt && (
        <>
          <span aria-hidden="true">·</span>
          <span className={styles.cached} data-testid="joined-run">
            shared with an identical run already in progress: data as of{" "}
            <time dateTime={result.startedAt}>{new Date(result.startedAt).toLocaleTimeString()}</time>; run it again for changes since
          </span>
        </>
      )}
      {result.truncated && (
        <span className={styles.truncated}>Only the first {rows} rows were fetched: the data source&apos;s row limit cut the result.</span>
      )}
    </p>
  );
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="muted" aria-live="off">
      {Math.floor((now - since) / 1000)} s
    </span>
  );
}

/** The error, with its line and column in the editor's text (a run of the selection counts from its start). */
function QueryErrorBox({ error, text, offset, title }: { error: QueryError; text: string; offset: number; title?: string }) {
  const where = error.position ? lineAndColumn(text, error.position + offset) : null;
  return (
    <div className={`alert ${styles.errorBox}`} role="alert">
      {title && <div>{title}</div>}
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
