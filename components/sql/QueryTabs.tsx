"use client";
// The strip of query tabs: switch, add (+), close (×), rename by double-click or F2.
import { useState } from "react";
import type { QueryTab } from "./tabs";
import styles from "./sql.module.css";

export function QueryTabs({
  tabs,
  activeId,
  running,
  onSelect,
  onAdd,
  onClose,
  onRename,
}: {
  tabs: QueryTab[];
  activeId: string;
  running: Set<string>;
  onSelect: (id: string) => void;
  onAdd: () => void;
  onClose: (id: string) => void;
  onRename: (id: string, title: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState("");

  function startRename(t: QueryTab) {
    setEditing(t.id);
    setDraft(t.title);
  }

  function commit() {
    if (editing && draft.trim()) onRename(editing, draft.trim().slice(0, 80));
    setEditing(null);
  }

  return (
    <div className={styles.tabs}>
      <div role="tablist" aria-label="Query tabs" className={styles.tabList}>
        {tabs.map((t) => {
          const active = t.id === activeId;
          return (
            <div key={t.id} className={`${styles.tab} ${active ? styles.tabActive : ""}`}>
              {editing === t.id ? (
                <input
                  className={styles.tabRename}
                  aria-label="Tab name"
                  value={draft}
                  autoFocus
                  onChange={(e) => setDraft(e.target.value)}
                  onBlur={commit}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") commit();
                    if (e.key === "Escape") setEditing(null);
                  }}
                />
              ) : (
                <button
                  type="button"
                  role="tab"
                  aria-selected={active}
                  className={styles.tabButton}
                  onClick={() => onSelect(t.id)}
                  onDoubleClick={() => startRename(t)}
                  onKeyDown={(e) => {
                    if (e.key === "F2") {
                      e.preventDefault();
                      startRename(t);
                    }
                  }}
                  title={`${t.title} (double-click or F2 to rename)`}
                >
                  {running.has(t.id) && <span className={`spinner ${styles.tabSpinner}`} aria-label="running" />}
                  <span className={styles.tabTitle}>{t.title}</span>
                </button>
              )}
              {tabs.length > 1 && (
                <button type="button" className={styles.tabClose} aria-label={`Close ${t.title}`} onClick={() => onClose(t.id)}>
                  ×
                </button>
              )}
            </div>
          );
        })}
      </div>
      <button type="button" className={styles.tabAdd} aria-label="New tab" title="New tab" onClick={onAdd}>
        +
      </button>
    </div>
  );
}
