"use client";
// "Export ▾": downloads the full result of the query as CSV or as an Excel workbook. A menu button:
// Enter/Space/ArrowDown open it on the first item, arrows move, Escape closes it back onto the button.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import styles from "./sql.module.css";

export type ExportFormat = "csv" | "xlsx";

const FORMATS: { format: ExportFormat; label: string; description: string }[] = [
  { format: "csv", label: "CSV", description: "Text, exactly as psql's \\copy writes it" },
  { format: "xlsx", label: "Excel (.xlsx)", description: "Typed cells; past 1,048,575 rows, more sheets" },
];

export function ExportMenu({ disabled, onExport }: { disabled: boolean; onExport: (format: ExportFormat) => void }) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    itemRefs.current[0]?.focus();
    const close = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  function closeOnButton() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function onMenuKeyDown(e: KeyboardEvent) {
    const items = itemRefs.current.filter((x): x is HTMLButtonElement => x !== null);
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      items[e.key === "Home" ? 0 : items.length - 1]?.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      closeOnButton();
    } else if (e.key === "Tab") {
      setOpen(false);
    }
  }

  return (
    <div className={styles.menuRoot} ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
        title="Download the full result"
      >
        Export <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className={`card ${styles.menu} ${styles.exportMenu}`} role="menu" aria-label="Export" onKeyDown={onMenuKeyDown}>
          {FORMATS.map((f, i) => (
            <button
              key={f.format}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              className={styles.menuItem}
              onClick={() => {
                closeOnButton();
                onExport(f.format);
              }}
            >
              <span className={styles.menuItemLabel}>{f.label}</span>
              <span className={styles.menuItemDesc}>{f.description}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
