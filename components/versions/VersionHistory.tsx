"use client";

// The version history of a chart (SQL and settings) or a dashboard (layout): who saved what when, a readable
// diff of each save, and "Restore", which saves an old version as a new one with the usual version check.
import { useEffect, useRef, useState } from "react";
import { relativeTime } from "@/components/dashboards/relative-time";
import type {
  ChartVersionDetailResponse,
  DashboardVersionDetailResponse,
  RestoreResponse,
  VersionDetailResponse,
  VersionKind,
  VersionListResponse,
  VersionSummary,
} from "@/lib/versions/types";
import { getVersionRequest, listVersionsRequest, restoreVersionRequest, VersionApiError } from "./api";
import { ChartVersionDiff, DashboardVersionDiff } from "./VersionDiff";
import styles from "./versions.module.css";

export interface VersionHistoryProps {
  kind: VersionKind;
  id: string;
  /** The version the page shows; restores are made against it (a newer one on the server → conflict). */
  currentVersion: number;
  /** Editors and admins; viewers read history but cannot restore. The server checks this too. */
  canEdit: boolean;
  /** Called after a restore; the page should reload the chart or dashboard (it is now at `result.version`). */
  onRestored?: (result: RestoreResponse) => void;
}

type Compare = "previous" | "current";

type Problem = { kind: "conflict"; message: string } | { kind: "error"; message: string };

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : "Something went wrong.";
}

function Saved({ v }: { v: Pick<VersionSummary, "savedAt" | "savedBy"> }) {
  return (
    <>
      {v.savedBy?.name ?? "someone"} ·{" "}
      <time dateTime={v.savedAt} title={new Date(v.savedAt).toLocaleString()}>
        {relativeTime(v.savedAt)}
      </time>
    </>
  );
}

export function VersionHistory({ kind, id, currentVersion, canEdit, onRestored }: VersionHistoryProps) {
  const listKey = `${kind}:${id}:${currentVersion}`;
  const [list, setList] = useState<{ key: string; data: VersionListResponse } | null>(null);
  const [listError, setListError] = useState<{ key: string; message: string } | null>(null);
  const [older, setOlder] = useState<{ key: string; versions: VersionSummary[]; nextBefore: number | null } | null>(null);
  const [reloads, setReloads] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const [detail, setDetail] = useState<VersionDetailResponse | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);
  // The version whose details were asked for last: a slower answer for an earlier click is dropped.
  const wanted = useRef<number | null>(null);
  const [compare, setCompare] = useState<Compare>("previous");
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<RestoreResponse | null>(null);

  useEffect(() => {
    let cancelled = false;
    listVersionsRequest(kind, id)
      .then((data) => {
        if (!cancelled) setList({ key: listKey, data });
      })
      .catch((e: unknown) => {
        if (!cancelled) setListError({ key: listKey, message: describeError(e) });
      });
    return () => {
      cancelled = true;
    };
  }, [kind, id, listKey, reloads]);

  const data = list?.key === listKey ? list.data : null;
  const error = listError?.key === listKey ? listError.message : null;
  const more = older?.key === listKey ? older : null;
  const versions = data ? [...data.versions, ...(more?.versions ?? [])] : [];
  const nextBefore = more ? more.nextBefore : (data?.nextBefore ?? null);
  const serverVersion = data?.currentVersion ?? currentVersion;
  const noun = kind === "chart" ? "chart" : "dashboard";

  async function loadOlder() {
    if (!nextBefore) return;
    try {
      const page = await listVersionsRequest(kind, id, nextBefore);
      setOlder({ key: listKey, versions: [...(more?.versions ?? []), ...page.versions], nextBefore: page.nextBefore });
    } catch (e) {
      setListError({ key: listKey, message: describeError(e) });
    }
  }

  async function select(version: number) {
    wanted.current = version;
    setSelected(version);
    setConfirming(false);
    setProblem(null);
    setDetail(null);
    setDetailError(null);
    setCompare("previous");
    try {
      const d = await getVersionRequest(kind, id, version);
      if (wanted.current === version) setDetail(d);
    } catch (e) {
      if (wanted.current === version) setDetailError(describeError(e));
    }
  }

  async function restore(version: number) {
    setRestoring(true);
    setProblem(null);
    try {
      const result = await restoreVersionRequest(kind, id, version, currentVersion);
      setDone(result);
      setConfirming(false);
      wanted.current = null;
      setSelected(null);
      setDetail(null);
      setReloads((n) => n + 1);
      onRestored?.(result);
    } catch (e) {
      if (e instanceof VersionApiError && e.code === "CONFLICT") {
        const now = typeof e.details.currentVersion === "number" ? ` (it is now at version ${e.details.currentVersion})` : "";
        setProblem({ kind: "conflict", message: `Someone else saved this ${noun} while you were looking at it${now}. Reload to see their changes, then restore again if you still want to.` });
      } else {
        setProblem({ kind: "error", message: describeError(e) });
      }
    } finally {
      setRestoring(false);
    }
  }

  const shown = detail && detail.version.version === selected ? detail : null;

  return (
    <section className={styles.panel} aria-labelledby={`versions-${kind}-${id}`}>
      <div className="row">
        <h2 id={`versions-${kind}-${id}`} className={styles.heading}>
          Version history
        </h2>
        <span className="spacer" />
        <span className="muted">Now at version {serverVersion}</span>
      </div>

      {done && (
        <p className="notice" role="status">
          Restored version {done.restoredFrom} as version {done.version}.{done.notes.map((n) => ` ${n}`).join("")}
        </p>
      )}
      {data && serverVersion > currentVersion && !done && (
        <div className="notice row" role="status">
          <span>
            This {noun} was saved again (version {serverVersion}) since you opened it.
          </span>
          <button type="button" className="btn" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      )}
      {error && (
        <p className="alert" role="alert">
          Could not load the history: {error}
        </p>
      )}
      {!data && !error && (
        <p className="muted row">
          <span className="spinner" aria-hidden="true" /> Loading versions…
        </p>
      )}

      {data && (
        <div className={styles.layout}>
          <div>
            <ol className={styles.versions} aria-label="Versions">
              {versions.map((v) => (
                <li key={v.version}>
                  <button
                    type="button"
                    className={`${styles.version} ${selected === v.version ? styles.selected : ""}`}
                    aria-pressed={selected === v.version}
                    onClick={() => void select(v.version)}
                  >
                    <span className={styles.versionTitle}>
                      Version {v.version}
                      {v.current && <span className={styles.badge}>current</span>}
                    </span>
                    <span className={styles.meta}>
                      <Saved v={v} />
                    </span>
                    <span className={styles.changes}>{v.changes.join(", ")}</span>
                  </button>
                </li>
              ))}
            </ol>
            {nextBefore && (
              <button type="button" className="btn" onClick={() => void loadOlder()}>
                Show older versions
              </button>
            )}
          </div>

          <div className={styles.detail} aria-live="polite">
            {selected === null && <p className="muted">Choose a version to see what it changed.</p>}
            {selected !== null && detailError && (
              <p className="alert" role="alert">
                {detailError}
              </p>
            )}
            {selected !== null && !shown && !detailError && (
              <p className="muted row">
                <span className="spinner" aria-hidden="true" /> Loading version {selected}…
              </p>
            )}
            {shown && (
              <VersionDetail
                detail={shown}
                compare={compare}
                onCompare={setCompare}
                isCurrent={shown.version.version === serverVersion}
              />
            )}
            {shown && canEdit && shown.version.version !== serverVersion && (
              <div className={styles.restore}>
                {!confirming ? (
                  <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)}>
                    Restore version {shown.version.version}
                  </button>
                ) : (
                  <div className="row" role="group" aria-label="Confirm restore">
                    <span>
                      Save version {shown.version.version} as the {noun}&apos;s new current version? Nothing is lost: the current one stays in
                      the history.
                    </span>
                    <button type="button" className="btn btn-primary" disabled={restoring} onClick={() => void restore(shown.version.version)}>
                      {restoring ? "Restoring…" : "Restore"}
                    </button>
                    <button type="button" className="btn" disabled={restoring} onClick={() => setConfirming(false)}>
                      Cancel
                    </button>
                  </div>
                )}
              </div>
            )}
            {problem && (
              <div className="alert" role="alert">
                <p className={styles.problem}>{problem.message}</p>
                {problem.kind === "conflict" && (
                  <button type="button" className="btn" onClick={() => window.location.reload()}>
                    Reload
                  </button>
                )}
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function VersionDetail({
  detail,
  compare,
  onCompare,
  isCurrent,
}: {
  detail: VersionDetailResponse;
  compare: Compare;
  onCompare: (c: Compare) => void;
  isCurrent: boolean;
}) {
  const v = detail.version;
  const effective: Compare = isCurrent ? "previous" : compare;
  const name = `compare-${detail.kind}-${v.version}`;
  return (
    <div>
      <h3 className={styles.detailHeading}>
        Version {v.version} <span className={styles.meta}>· saved by <Saved v={v} /></span>
      </h3>
      <fieldset className={styles.compare}>
        <legend className={styles.srOnly}>Show</legend>
        <label>
          <input type="radio" name={name} checked={effective === "previous"} onChange={() => onCompare("previous")} /> Changes in this version
        </label>
        <label>
          <input type="radio" name={name} checked={effective === "current"} disabled={isCurrent} onChange={() => onCompare("current")} /> What
          restoring it would change
        </label>
      </fieldset>
      {effective === "previous" && !detail.previous ? (
        <p className="muted">{v.version === 1 ? "The first version." : "The oldest version kept; earlier saves were not recorded."}</p>
      ) : detail.kind === "chart" ? (
        <ChartDetail detail={detail} compare={effective} />
      ) : (
        <DashboardDetail detail={detail} compare={effective} />
      )}
    </div>
  );
}

function ChartDetail({ detail, compare }: { detail: ChartVersionDetailResponse; compare: Compare }) {
  const [before, after] = compare === "previous" ? [detail.previous!, detail.version] : [detail.current, detail.version];
  const names = Object.fromEntries([detail.version, detail.current, detail.previous].flatMap((v) => (v ? [[v.dataSourceId, v.dataSourceName]] : [])));
  return <ChartVersionDiff before={before} after={after} dataSourceNames={names} />;
}

function DashboardDetail({ detail, compare }: { detail: DashboardVersionDetailResponse; compare: Compare }) {
  const [before, after] = compare === "previous" ? [detail.previous!, detail.version] : [detail.current, detail.version];
  return <DashboardVersionDiff before={before} after={after} chartTitles={detail.chartTitles} />;
}
