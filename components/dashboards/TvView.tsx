"use client";

import { useEffect, useRef, useState } from "react";
import { DashboardGrid } from "./DashboardView";
import type { PageView } from "./DashboardPage";
import styles from "./dashboards.module.css";
import { clockTime } from "./grid-tiles";

/** How often an office TV re-reads the cached results. */
export const TV_RELOAD_MS = 60_000;

/**
 * The dashboard for an office TV: no app chrome, the whole window (full screen when the browser allowed
 * it), results re-read every minute with the time of the last read. Its address carries ?tv=1 so a TV
 * can be pointed at it directly. Esc (or leaving full screen) goes back to the normal page.
 */
export function TvView({
  view,
  loadResults,
  onResults,
  onExit,
}: {
  view: PageView;
  loadResults: () => Promise<PageView | null>;
  onResults: (view: PageView) => void;
  onExit: () => void;
}) {
  const [updatedAt, setUpdatedAt] = useState(view.loadedAt);
  const [failedAt, setFailedAt] = useState<number | null>(null);
  const [now, setNow] = useState(view.loadedAt);
  const exitRef = useRef(onExit);
  const reloadRef = useRef({ loadResults, onResults });
  useEffect(() => {
    exitRef.current = onExit;
    reloadRef.current = { loadResults, onResults };
  });

  // The address says "TV view" while it is on, so the link can be bookmarked on the TV itself.
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set("tv", "1");
    window.history.replaceState(window.history.state, "", url);
    return () => {
      const back = new URL(window.location.href);
      back.searchParams.delete("tv");
      window.history.replaceState(window.history.state, "", back);
    };
  }, []);

  // Esc leaves. In full screen the browser takes Esc to leave full screen, so that leaves too.
  useEffect(() => {
    let wasFullscreen = Boolean(document.fullscreenElement);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") exitRef.current();
    };
    const onFullscreen = () => {
      if (document.fullscreenElement) wasFullscreen = true;
      else if (wasFullscreen) exitRef.current();
    };
    window.addEventListener("keydown", onKey);
    document.addEventListener("fullscreenchange", onFullscreen);
    return () => {
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("fullscreenchange", onFullscreen);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    };
  }, []);

  // Re-read every minute; a failed read keeps the numbers on screen and says so.
  useEffect(() => {
    let cancelled = false;
    const timer = setInterval(async () => {
      const at = Date.now();
      const next = await reloadRef.current.loadResults().catch(() => null);
      if (cancelled) return;
      setNow(at);
      if (!next) {
        setFailedAt(at);
        return;
      }
      reloadRef.current.onResults(next);
      setUpdatedAt(at);
      setFailedAt(null);
    }, TV_RELOAD_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);

  // Keep a TV's screen on where the browser allows it.
  useEffect(() => {
    let lock: WakeLockSentinel | null = null;
    let released = false;
    navigator.wakeLock
      ?.request("screen")
      .then((l) => {
        if (released) void l.release();
        else lock = l;
      })
      .catch(() => {});
    return () => {
      released = true;
      void lock?.release().catch(() => {});
    };
  }, []);

  return (
    <div className={styles.tv} data-testid="tv-view">
      <div className={styles.tvHead}>
        <h1 className={styles.tvTitle}>{view.title}</h1>
        <span className="spacer" />
        <span className={styles.tvClock} aria-live="polite">
          updated {clockTime(updatedAt)}
          {failedAt !== null && <span className={styles.failed}> · could not update at {clockTime(failedAt)}, retrying</span>}
        </span>
        <button type="button" className={`btn ${styles.tvExit}`} onClick={onExit}>
          Exit full screen
        </button>
      </div>
      {/* Nobody clicks a TV: the grid without controls, as in a snapshot. */}
      <DashboardGrid view={view} now={now} snapshot />
    </div>
  );
}
