"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { DashboardView as View } from "@/lib/dashboards/get-dashboard-view";
import { appendTile, NEW_TILE_SIZE, removeTile, type TileKind } from "@/lib/dashboards/layout/grid";
import { saveLayoutSchema } from "@/lib/dashboards/schemas";
import { dashboardRefreshSchedule, describeRefreshSchedule, type RefreshSchedule } from "@/lib/schedules/refresh-schedule";
import type { SavedLayout } from "@/lib/dashboards/save-layout";
import { dashboardOptionsUrl, FilterBar } from "@/components/dashboard-filters/FilterBar";
import { FilterEditor } from "@/components/dashboard-filters/FilterEditor";
import { useFilteredView } from "@/components/dashboard-filters/use-filtered-view";
import { StarButton } from "@/components/favourites/StarButton";
import { SharePanel } from "@/components/sharing/SharePanel";
import { SubscriptionsPanel } from "@/components/subscriptions/SubscriptionsPanel";
import { VersionHistory } from "@/components/versions/VersionHistory";
import { DashboardSettingsForm, type DashboardSettings } from "./DashboardSettingsForm";
import { DashboardGrid, useNow } from "./DashboardView";
import { tileName, toGridTiles, type GridTile } from "./grid-tiles";
import { RefreshIntervalSelect } from "./RefreshIntervalSelect";
import { RefreshesPausedNotice } from "./RefreshesPausedNotice";
import { TileMenu } from "./TileMenu";
import { TvView } from "./TvView";
import { useLayoutEditor } from "./use-layout-editor";
import { ConflictPrompt } from "@/components/ui/ConflictPrompt";
import styles from "./dashboards.module.css";

type RefreshState = { kind: "idle" } | { kind: "running"; since: number } | { kind: "done"; at: number } | { kind: "error"; message: string };

/** The page's copy of the dashboard: the results API's view, with tile kinds that include headers. */
export type PageView = Omit<View, "tiles"> & { tiles: GridTile[] };

const POLL_MS = 1500;
const GIVE_UP_MS = 10 * 60_000;
const NO_WORKER_MESSAGE =
  "The refresh is queued, but no worker is running to do it: it runs when one starts (an admin starts one with npm run worker). Until then these are the last cached results.";

const toPageView = (v: View): PageView => ({ ...v, tiles: toGridTiles(v.tiles) });

/**
 * The interactive dashboard: the grid, "Refresh now" that waits for the worker's new results,
 * subscriptions; for editors, layout editing and settings; for everyone, a full-screen TV view.
 */
export function DashboardPage({
  initial,
  canEdit,
  canSetPrivate = false,
  settings: initialSettings,
  initialTv = false,
  favourite = false,
  favouriteChartIds = [],
}: {
  initial: View;
  canEdit: boolean;
  /** The owner and admins may make the dashboard private. */
  canSetPrivate?: boolean;
  settings?: { tags: string[]; isPrivate: boolean };
  /** Opened with ?tv=1: straight into the TV view. */
  initialTv?: boolean;
  /** The user has starred this dashboard. */
  favourite?: boolean;
  /** The charts on it the user has starred. */
  favouriteChartIds?: string[];
}) {
  const [view, setView] = useState(() => toPageView(initial));
  const [extra, setExtra] = useState({ tags: initialSettings?.tags ?? [], isPrivate: initialSettings?.isPrivate ?? false });
  const [refresh, setRefresh] = useState<RefreshState>({ kind: "idle" });
  const [showSubscriptions, setShowSubscriptions] = useState(false);
  const [showSettings, setShowSettings] = useState(false);
  const [tv, setTv] = useState(initialTv);
  const now = useNow(initial.loadedAt);
  const { draft, dispatch, dirty } = useLayoutEditor();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [editError, setEditError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const [focusTileId, setFocusTileId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [showFilterEditor, setShowFilterEditor] = useState(false);
  const [showShare, setShowShare] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  // Filter values live in the URL; new values load every tile's results for them in one request.
  const filtered = useFilteredView({ ...view, tiles: initial.tiles }, (next) => setView(toPageView(next)));
  const starredCharts = new Set(favouriteChartIds);
  const dashboardSchedule = dashboardRefreshSchedule({
    refreshIntervalMinutes: view.refreshIntervalMinutes,
    refreshCron: view.refreshCron ?? null,
    refreshTimezone: view.refreshTimezone ?? "UTC",
  });

  /** A chart's own schedule changed: every tile of that chart shows it (its "late" mark waits for new results). */
  function setChartSchedule(chartId: string, schedule: RefreshSchedule | null) {
    setView((v) => ({ ...v, tiles: v.tiles.map((t) => (t.chart?.id === chartId ? { ...t, chart: { ...t.chart, schedule } } : t)) }));
  }
  const newTileCount = useRef(0);
  const leaving = useRef(false);

  /** Re-reads every tile's cached result in one request; `search` carries the filter values ("?f.…"). */
  const loadResults = useCallback(
    async (search = ""): Promise<PageView | null> => {
      const res = await fetch(`/api/dashboards/${initial.id}/results${search}`);
      if (!res.ok) return null;
      return toPageView((await res.json()) as View);
    },
    [initial.id],
  );

  // Unsaved layout changes survive until the user decides: leaving the page asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      if (leaving.current) return;
      e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  async function refreshNow() {
    const since = Date.now();
    setRefresh({ kind: "running", since });
    const res = await fetch(`/api/dashboards/${view.id}/refresh`, { method: "POST" });
    if (!res.ok) {
      const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setRefresh({ kind: "error", message: data?.error?.message ?? "Could not start the refresh." });
      return;
    }
    const { workersAlive } = (await res.json().catch(() => ({}))) as { workersAlive?: number | null };
    if (workersAlive === 0) {
      // Waiting would show "Refreshing…" for minutes: nothing runs the job until a worker starts.
      setRefresh({ kind: "error", message: NO_WORKER_MESSAGE });
      return;
    }
    const chartTiles = view.tiles.filter((t) => t.chart).length;
    while (Date.now() - since < GIVE_UP_MS) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const next = await loadResults(new URL(filtered.resultsUrl, window.location.origin).search);
      if (!next) continue;
      const arrived = next.tiles.filter((t) => t.result?.lastAttemptAt && new Date(t.result.lastAttemptAt).getTime() >= since - 1000).length;
      if (arrived >= chartTiles) {
        // While editing, the draft keeps its own layout and version; only the results are taken.
        setView(next);
        setRefresh({ kind: "done", at: Date.now() });
        return;
      }
    }
    setRefresh({ kind: "error", message: "The refresh has not finished after 10 minutes; is a worker running?" });
  }

  function startEditing() {
    setShowSettings(false);
    setConflict(false);
    setEditError(null);
    setRemoved(null);
    dispatch({ type: "start", tiles: view.tiles, version: view.version });
    setAnnouncement("Editing the layout. Drag tiles by their handle, or focus a handle and use the arrow keys.");
  }

  function stopEditing() {
    if (dirty && !window.confirm("Discard your unsaved layout changes?")) return;
    dispatch({ type: "stop" });
    setConflict(false);
    setEditError(null);
    setRemoved(null);
    setAnnouncement("Stopped editing; nothing was saved.");
  }

  function addTile(kind: Extract<TileKind, "text" | "header">) {
    const id = `new-${++newTileCount.current}`;
    const tile: Omit<GridTile, "x" | "y"> = {
      id,
      kind,
      text: kind === "header" ? "New section" : "",
      ...NEW_TILE_SIZE[kind],
      chart: null,
      result: null,
    };
    dispatch({ type: "apply", change: (tiles) => appendTile(tiles, tile) });
    setFocusTileId(id);
    setAnnouncement(kind === "header" ? "Added a section header at the bottom." : "Added a text tile at the bottom.");
  }

  function remove(tile: GridTile) {
    dispatch({ type: "apply", change: (tiles) => removeTile(tiles, tile.id) });
    const name = tileName(tile);
    setRemoved(name);
    setAnnouncement(`Removed ${name}. Undo brings it back; nothing is saved until you save the layout.`);
  }

  function undo() {
    dispatch({ type: "undo" });
    setRemoved(null);
    setAnnouncement("Undone.");
  }

  async function saveLayout() {
    if (!draft) return;
    const body = {
      version: draft.baseVersion,
      tiles: draft.tiles.map((t) => ({
        ...(t.id.startsWith("new-") ? {} : { id: t.id }),
        kind: t.kind,
        ...(t.kind === "chart" ? {} : { text: t.text }),
        x: t.x,
        y: t.y,
        w: t.w,
        h: t.h,
      })),
    };
    const parsed = saveLayoutSchema.safeParse(body);
    if (!parsed.success) {
      setEditError(parsed.error.issues.map((i) => i.message).join(" "));
      return;
    }
    setSaving(true);
    setEditError(null);
    try {
      const res = await fetch(`/api/dashboards/${view.id}/layout`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(parsed.data),
      });
      const data = (await res.json().catch(() => null)) as (SavedLayout & { error?: { message?: string } }) | null;
      if (res.status === 409) {
        setConflict(true);
        setAnnouncement("Not saved: someone else changed this dashboard.");
        return;
      }
      if (!res.ok || !data || data.error) {
        setEditError(data?.error?.message ?? "Could not save the layout.");
        return;
      }
      const previous = new Map(view.tiles.map((t) => [t.id, t]));
      setView((v) => ({
        ...v,
        version: data.version,
        tiles: data.tiles.map((s) => ({ ...s, chart: previous.get(s.id)?.chart ?? null, result: previous.get(s.id)?.result ?? null })),
      }));
      dispatch({ type: "stop" });
      setRemoved(null);
      setAnnouncement("Layout saved.");
    } catch {
      setEditError("Could not reach the server; your changes are still here. Try again.");
    } finally {
      setSaving(false);
    }
  }

  function reloadPage() {
    leaving.current = true;
    window.location.reload();
  }

  const editing = draft !== null;
  const settings: DashboardSettings = { title: view.title, description: view.description, tags: extra.tags, isPrivate: extra.isPrivate };

  if (tv) {
    // The TV view's auto-refresh keeps the filters chosen on the page (they stay in the URL too).
    const tvSearch = filtered.query ? `?${filtered.query}` : "";
    return <TvView view={view} loadResults={() => loadResults(tvSearch)} onResults={setView} onExit={() => setTv(false)} />;
  }

  return (
    <main className="page">
      <header className={styles.pageHeader}>
        <div className={styles.header}>
          <div className={styles.titleBlock}>
            <div className="row">
              <h1>{view.title}</h1>
              <StarButton kind="dashboard" id={view.id} initial={favourite} title={view.title} />
            </div>
            {view.description && <p className="muted">{view.description}</p>}
            {(extra.tags.length > 0 || extra.isPrivate) && (
              <div className="row">
                {extra.isPrivate && <span className={styles.badge}>Private</span>}
                {extra.tags.length > 0 && (
                  <ul className={styles.chips} aria-label="Tags">
                    {extra.tags.map((t) => (
                      <li key={t} className={styles.chip}>
                        {t}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </div>
          <span className="spacer" />
          <span className="muted" aria-live="polite">
            {refresh.kind === "running" && (
              <span className="row">
                <span className="spinner" /> Refreshing…
              </span>
            )}
            {refresh.kind === "done" && "New results arrived."}
          </span>
          {editing ? (
            <div className={`row ${styles.toolbar}`} role="group" aria-label="Layout editing">
              <button type="button" className="btn" onClick={() => addTile("text")}>
                Add text
              </button>
              <button type="button" className="btn" onClick={() => addTile("header")}>
                Add section header
              </button>
              <button type="button" className="btn" onClick={undo} disabled={!draft.past.length}>
                Undo
              </button>
              <button type="button" className="btn" onClick={stopEditing} aria-pressed="true">
                Edit layout
              </button>
              <button type="button" className="btn btn-primary" onClick={() => void saveLayout()} disabled={!dirty || saving} aria-busy={saving}>
                Save layout
              </button>
            </div>
          ) : (
            <>
              {canEdit && (
                <>
                  <button type="button" className={`btn ${styles.wideOnly}`} onClick={startEditing} aria-pressed="false">
                    Edit layout
                  </button>
                  <button type="button" className="btn" onClick={() => setShowSettings((v) => !v)} aria-expanded={showSettings}>
                    Dashboard settings
                  </button>
                  <button type="button" className="btn" onClick={() => setShowFilterEditor((v) => !v)} aria-expanded={showFilterEditor}>
                    Edit filters
                  </button>
                  <RefreshIntervalSelect
                    dashboardId={view.id}
                    version={view.version}
                    value={view.refreshIntervalMinutes}
                    cron={view.refreshCron}
                    timezone={view.refreshTimezone}
                    onSaved={(saved) => setView((v) => ({ ...v, ...saved }))}
                  />
                </>
              )}
              <button
                className="btn"
                onClick={() => void refreshNow()}
                disabled={refresh.kind === "running" || initial.refreshesPaused}
                title={initial.refreshesPaused ? (initial.refreshesPausedReason ?? "Refreshes are paused") : undefined}
              >
                Refresh now
              </button>
              <button type="button" className="btn" onClick={() => enterTv(setTv)}>
                Full screen
              </button>
              <button type="button" className="btn" onClick={() => setShowShare((v) => !v)} aria-expanded={showShare}>
                Share
              </button>
              <button className="btn" onClick={() => setShowSubscriptions((v) => !v)} aria-expanded={showSubscriptions}>
                Email subscriptions
              </button>
              <button type="button" className="btn" onClick={() => setShowHistory((v) => !v)} aria-expanded={showHistory}>
                History
              </button>
            </>
          )}
        </div>
        {!editing && (
          <div className="row">
            <FilterBar
              optionsUrl={dashboardOptionsUrl(view.id)}
              filters={view.filters ?? []}
              values={filtered.values}
              onChange={filtered.setValues}
              today={view.filterToday}
              busy={filtered.busy}
            />
          </div>
        )}
        {filtered.error && (
          <p className="alert" role="alert">
            {filtered.error}
          </p>
        )}
      </header>
      <p className={styles.srOnly} aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {initial.refreshesPaused && <RefreshesPausedNotice reason={initial.refreshesPausedReason} />}
      {refresh.kind === "error" && (
        <p className="alert" role="alert">
          {refresh.message}
        </p>
      )}
      {conflict && <ConflictPrompt what="this dashboard" reloadLoses="your unsaved changes" onReload={reloadPage} onKeepEditing={() => setConflict(false)} />}
      {editError && (
        <p className="alert" role="alert">
          {editError}
        </p>
      )}
      {editing && removed && (
        <p className={`notice row ${styles.undoNotice}`} role="status">
          Removed {removed}.
          <button type="button" className="btn" onClick={undo}>
            Undo remove
          </button>
        </p>
      )}
      {showFilterEditor && canEdit && !editing && (
        <div className="card" style={{ marginBottom: 16 }}>
          <FilterEditor
            dashboardId={view.id}
            onClose={() => setShowFilterEditor(false)}
            onSaved={({ version, filters }) => {
              setView((v) => ({ ...v, version, filters }));
              setShowFilterEditor(false);
            }}
          />
        </div>
      )}
      {showSettings && !editing && (
        <div style={{ marginBottom: 16 }}>
          <DashboardSettingsForm
            dashboardId={view.id}
            version={view.version}
            initial={settings}
            canSetPrivate={canSetPrivate}
            onSaved={(saved) => {
              dispatch({ type: "rebase", from: view.version, to: saved.version });
              setView((v) => ({ ...v, title: saved.title, description: saved.description, version: saved.version }));
              setExtra({ tags: saved.tags, isPrivate: saved.isPrivate });
              setShowSettings(false);
              setAnnouncement("Settings saved.");
            }}
            onConflict={() => setConflict(true)}
            onCancel={() => setShowSettings(false)}
          />
        </div>
      )}
      {showShare && !editing && (
        <div style={{ marginBottom: 16 }}>
          <SharePanel dashboardId={view.id} canEdit={canEdit} filterQuery={filtered.query} />
        </div>
      )}
      {showHistory && !editing && (
        <div className="card" style={{ marginBottom: 16, padding: 16 }}>
          {/* Restores are made against the version this page shows; a newer save on the server gets the
              conflict prompt. After a restore the page reloads to show the restored layout. */}
          <VersionHistory kind="dashboard" id={view.id} currentVersion={view.version} canEdit={canEdit} onRestored={reloadPage} />
        </div>
      )}
      {showSubscriptions && !editing && (
        <div style={{ marginBottom: 16 }}>
          <SubscriptionsPanel dashboardId={view.id} canEdit={canEdit} />
        </div>
      )}
      <DashboardGrid
        view={view}
        now={now}
        tileMenu={(tile) =>
          tile.chart ? (
            <TileMenu
              chartId={tile.chart.id}
              title={tile.chart.title}
              favourite={starredCharts.has(tile.chart.id)}
              dashboardId={view.id}
              schedule={
                canEdit
                  ? {
                      value: tile.chart.schedule ?? null,
                      dashboardSchedule: describeRefreshSchedule(dashboardSchedule),
                      onSaved: (schedule) => setChartSchedule(tile.chart!.id, schedule),
                    }
                  : undefined
              }
            />
          ) : null
        }
        editing={
          draft
            ? {
                tiles: draft.tiles,
                dispatch,
                announce: setAnnouncement,
                onRemove: remove,
                focusTileId,
              }
            : undefined
        }
      />
    </main>
  );
}

/** Full screen where the browser allows it (it needs this click), and the TV view in any case. */
function enterTv(setTv: (on: boolean) => void) {
  const root = document.documentElement;
  if (root.requestFullscreen && !document.fullscreenElement) {
    root.requestFullscreen().catch(() => {
      // Refused (e.g. in an iframe): the TV view still fills the window.
    });
  }
  setTv(true);
}
