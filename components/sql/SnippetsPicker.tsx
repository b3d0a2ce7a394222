"use client";
// "Snippets ▾": lists the saved SQL snippets and inserts `[name]` at the cursor (expanded on the server).
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { listSnippetsRequest, type Snippet } from "./api";
import styles from "./sql.module.css";

export function SnippetsPicker({ onPick }: { onPick: (name: string) => void }) {
  const [open, setOpen] = useState(false);
  const [snippets, setSnippets] = useState<Snippet[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    listSnippetsRequest()
      .then(({ snippets }) => {
        if (!cancelled) {
          setSnippets(snippets);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    const close = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => {
      cancelled = true;
      document.removeEventListener("mousedown", close);
    };
  }, [open]);

  return (
    <div className={styles.menuRoot} ref={rootRef} onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button type="button" className="btn" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Snippets <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className={`card ${styles.menu}`} role="menu" aria-label="Snippets">
          {error ? (
            <p className={styles.menuEmpty}>Could not load snippets: {error}</p>
          ) : snippets === null ? (
            <p className={styles.menuEmpty}>Loading…</p>
          ) : snippets.length === 0 ? (
            <p className={styles.menuEmpty}>
              No snippets yet. Save a reusable piece of SQL on the <Link href="/snippets">Snippets</Link> page, then insert it here as{" "}
              <code>[name]</code>.
            </p>
          ) : (
            snippets.map((s) => (
              <button
                key={s.id}
                type="button"
                role="menuitem"
                className={styles.menuItem}
                onClick={() => {
                  setOpen(false);
                  onPick(s.name);
                }}
                title={s.sql}
              >
                <span className={styles.menuItemName}>[{s.name}]</span>
                {s.description && <span className={styles.menuItemDesc}>{s.description}</span>}
              </button>
            ))
          )}
        </div>
      )}
    </div>
  );
}
