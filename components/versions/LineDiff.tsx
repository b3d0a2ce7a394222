import { collapseUnchanged, type DiffLine } from "@/lib/versions/diff";
import styles from "./versions.module.css";

/** A line diff of SQL or Markdown: removed lines struck out, added lines marked, long unchanged runs folded. */
export function LineDiff({ lines, label }: { lines: DiffLine[]; label: string }) {
  const rows = collapseUnchanged(lines, 3);
  return (
    <div className={styles.lineDiff} role="group" aria-label={label}>
      {rows.map((row, i) => {
        if (row.op === "gap") {
          return (
            <div key={i} className={styles.gap}>
              ⋯ {row.count} unchanged {row.count === 1 ? "line" : "lines"}
            </div>
          );
        }
        const number = row.op === "add" ? row.newLine : row.oldLine;
        const text = row.text || " ";
        return (
          <div key={i} className={`${styles.line} ${row.op === "add" ? styles.add : row.op === "del" ? styles.del : ""}`}>
            <span className={styles.lineNo} aria-hidden="true">
              {number}
            </span>
            <span className={styles.mark} aria-hidden="true">
              {row.op === "add" ? "+" : row.op === "del" ? "−" : " "}
            </span>
            {row.op === "add" ? (
              <ins className={styles.code}>
                <span className={styles.srOnly}>Added: </span>
                {text}
              </ins>
            ) : row.op === "del" ? (
              <del className={styles.code}>
                <span className={styles.srOnly}>Removed: </span>
                {text}
              </del>
            ) : (
              <span className={styles.code}>{text}</span>
            )}
          </div>
        );
      })}
    </div>
  );
}
