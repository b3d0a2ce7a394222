"use client";

import { useEffect, useRef, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import { authorshipLine } from "@/components/chart-editor/authorship";
import { ChartView } from "@/components/charts/ChartView";
import { Markdown } from "@/components/ui/Markdown";
import { MAX_HEADER_LENGTH, MAX_TEXT_LENGTH } from "@/lib/dashboards/schemas";
import { describeRefreshSchedule } from "@/lib/schedules/refresh-schedule";
import styles from "./dashboards.module.css";
import type { GridTile } from "./grid-tiles";
import { relativeTime } from "./relative-time";
import { isLate, staleResultText } from "./stale-result-text";

export type TileStatus = "rendered" | "failed";

/** The edit-mode controls of one tile, wired by the grid (which knows the layout and the pointer). */
export interface TileEditControls {
  /** How the controls name the tile: "Move Weekly revenue", "Remove header Acquisition". */
  name: string;
  dragging: boolean;
  /** Put the caret in this tile's text field once (a tile just added). */
  focusText: boolean;
  /** Id of the element that explains the keyboard controls. */
  helpId: string;
  onHandlePointerDown: (e: PointerEvent<HTMLButtonElement>, mode: "move" | "resize") => void;
  onHandlePointerMove: (e: PointerEvent<HTMLButtonElement>) => void;
  onHandlePointerUp: (e: PointerEvent<HTMLButtonElement>) => void;
  onHandleKeyDown: (e: KeyboardEvent<HTMLButtonElement>, mode: "move" | "resize") => void;
  onRemove: () => void;
  onTextFocus: () => void;
  onTextChange: (text: string) => void;
  onTextBlur: () => void;
}

/**
 * One tile: a chart (title, definition and authorship behind an info icon, the chart from the cache and
 * how fresh it is), a Markdown text, or a section header. With `edit`, it carries handles to move and
 * resize it, a remove button, and its text is edited in place.
 */
export function DashboardTile({
  tile,
  now,
  onStatus,
  snapshot = false,
  dataToggle = !snapshot,
  edit,
  menu,
}: {
  tile: GridTile;
  now: number;
  onStatus: (tileId: string, status: TileStatus, error?: string) => void;
  /** In a snapshot image nothing is clickable, so interactive controls are left out. */
  snapshot?: boolean;
  /** The "Data" button that shows a chart's rows as a table. Default: everywhere but snapshots. */
  dataToggle?: boolean;
  edit?: TileEditControls;
  /** The chart tile's menu (TileMenu), shown beside its definition. */
  menu?: ReactNode;
}) {
  const hasData = Boolean(tile.result?.computedAt);
  const isChart = tile.kind === "chart" && tile.chart !== null;
  const placeholderError = tile.result?.lastError ?? `${tile.chart?.title ?? "Chart"}: no data yet`;
  // Text tiles, headers and charts without data are finished as soon as they are on screen; charts
  // report through ChartView once they have drawn.
  useEffect(() => {
    if (!isChart) onStatus(tile.id, "rendered");
    else if (!hasData) onStatus(tile.id, "failed", placeholderError);
  }, [isChart, hasData, placeholderError, tile.id, onStatus]);

  const style = {
    gridColumn: `${tile.x + 1} / span ${tile.w}`,
    gridRow: `${tile.y + 1} / span ${tile.h}`,
    "--tile-h": tile.h,
  } as CSSProperties;
  const editing = edit && !snapshot ? edit : undefined;
  const chrome = editing ? <EditChrome edit={editing} /> : null;
  const className = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");
  const editClasses = editing && className(styles.editable, editing.dragging && styles.dragging);

  if (tile.kind === "header") {
    return (
      <section className={className(styles.headerTile, editClasses)} style={style} data-testid="dashboard-header-tile" data-tile-id={tile.id}>
        {editing ? (
          <TextField tile={tile} edit={editing} multiline={false} />
        ) : (
          <h2 className={styles.sectionTitle}>{tile.text}</h2>
        )}
        {chrome}
      </section>
    );
  }
  if (!isChart || !tile.chart) {
    return (
      <section className={className("card", styles.tile, styles.textTile, editClasses)} style={style} data-testid="dashboard-text-tile" data-tile-id={tile.id}>
        {editing ? <TextField tile={tile} edit={editing} multiline /> : <Markdown className={styles.text} source={tile.text} />}
        {chrome}
      </section>
    );
  }
  const { chart, result } = tile;
  const failedLast = Boolean(result?.lastError);
  // Data older than the schedule that should have refreshed it (never with refreshes off).
  const late = isLate(result?.staleAfter, now);
  return (
    <section className={className("card", styles.tile, styles.chartTile, editClasses)} style={style} data-testid="dashboard-tile" data-tile-id={tile.id} aria-label={chart.title}>
      <header className={styles.tileHead}>
        <h2 className={styles.tileTitle} title={chart.title}>
          {chart.title}
        </h2>
        <span className={styles.info}>
          <button type="button" className={styles.infoButton} aria-label={`Definition of ${chart.title}`} aria-describedby={`${tile.id}-definition`}>
            i
          </button>
          <span className={styles.infoPopup} role="tooltip" id={`${tile.id}-definition`}>
            {chart.description && <Markdown source={chart.description} />}
            <span className={styles.authorship}>{authorshipLine(chart, now)}</span>
          </span>
        </span>
        {menu}
      </header>
      <div className={styles.body}>
        {result && result.computedAt ? (
          <ChartView
            result={result}
            vizType={chart.vizType}
            config={chart.vizConfig}
            title={chart.title}
            height="100%"
            showDataToggle={dataToggle && !editing}
            onRendered={(status) => onStatus(tile.id, status)}
          />
        ) : (
          <div className={styles.placeholder}>
            {result?.lastError ? (
              <span className={styles.failed}>Query failed: {result.lastError}</span>
            ) : (
              <span>No data yet: the first refresh has not finished.</span>
            )}
          </div>
        )}
      </div>
      <footer className={styles.foot}>
        {result?.computedAt && !failedLast && (
          <span title={new Date(result.computedAt).toLocaleString()} className={late ? styles.stale : undefined}>
            updated {relativeTime(result.computedAt, now)}
            {late && <span title={`Older than its refresh schedule: new data was due by ${new Date(result.staleAfter!).toLocaleString()}`}> · late</span>}
          </span>
        )}
        {failedLast && result?.computedAt && (
          <span className={styles.failed} title={result.lastError ?? ""}>
            {staleResultText(result.computedAt, result.lastError ?? "", now)}
          </span>
        )}
        {chart.schedule && (
          <span className={styles.ownSchedule} data-testid="tile-own-schedule" title="This chart refreshes on its own schedule, not the dashboard's">
            own schedule: {lowerFirst(describeRefreshSchedule(chart.schedule))}
          </span>
        )}
      </footer>
      {chrome}
    </section>
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Move handle (drag, or arrow keys), remove button and resize corner of a tile in edit mode. */
function EditChrome({ edit }: { edit: TileEditControls }) {
  const pointer = {
    onPointerMove: edit.onHandlePointerMove,
    onPointerUp: edit.onHandlePointerUp,
    onPointerCancel: edit.onHandlePointerUp,
  };
  return (
    <>
      <div className={styles.editBar}>
        <button
          type="button"
          className={styles.moveHandle}
          aria-label={`Move ${edit.name}`}
          aria-describedby={edit.helpId}
          data-move-handle
          onPointerDown={(e) => edit.onHandlePointerDown(e, "move")}
          onKeyDown={(e) => edit.onHandleKeyDown(e, "move")}
          {...pointer}
        >
          <span aria-hidden>⠿</span>
        </button>
        <button type="button" className={styles.removeButton} aria-label={`Remove ${edit.name}`} onClick={edit.onRemove}>
          <span aria-hidden>×</span>
        </button>
      </div>
      <button
        type="button"
        className={styles.resizeHandle}
        aria-label={`Resize ${edit.name}`}
        aria-describedby={edit.helpId}
        data-resize-handle
        onPointerDown={(e) => edit.onHandlePointerDown(e, "resize")}
        onKeyDown={(e) => edit.onHandleKeyDown(e, "resize")}
        {...pointer}
      />
    </>
  );
}

/** A text tile's Markdown, or a header's title, edited in place. */
function TextField({ tile, edit, multiline }: { tile: GridTile; edit: TileEditControls; multiline: boolean }) {
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const { focusText } = edit;
  useEffect(() => {
    if (!focusText || !ref.current) return;
    ref.current.focus();
    ref.current.select();
  }, [focusText]);
  const common = {
    ref,
    value: tile.text,
    onFocus: edit.onTextFocus,
    onBlur: edit.onTextBlur,
  };
  return multiline ? (
    <textarea
      {...common}
      className={`input ${styles.textEditor}`}
      aria-label="Text (Markdown)"
      placeholder="Write Markdown: **bold**, _italic_, - lists, [links](https://…)"
      maxLength={MAX_TEXT_LENGTH}
      onChange={(e) => edit.onTextChange(e.target.value)}
    />
  ) : (
    <input
      {...common}
      className={`input ${styles.headerEditor}`}
      aria-label="Section header"
      placeholder="Section title"
      maxLength={MAX_HEADER_LENGTH}
      onChange={(e) => edit.onTextChange(e.target.value)}
    />
  );
}
