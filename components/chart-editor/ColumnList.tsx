"use client";
// An ordered choice of several columns (y columns, pivot rows): each chosen column can move up or down or be
// removed, and a select adds one of the others. Buttons and select are labelled for keyboard and screen reader use.
import { moveItem } from "./update-config";
import styles from "./chart-editor.module.css";

export function ColumnList({
  label,
  addLabel,
  items,
  columns,
  exclude = [],
  onChange,
  max,
  minItems = 0,
  error,
  emptyText,
}: {
  label: string;
  addLabel: string;
  items: string[];
  /** Every column of the result, in order. */
  columns: string[];
  /** Columns not offered for adding (they have another role, such as x). */
  exclude?: string[];
  onChange: (items: string[]) => void;
  max?: number;
  /** Removing stops at this many (the last y column cannot be removed: the chart would have nothing to draw). */
  minItems?: number;
  error?: string;
  emptyText?: string;
}) {
  const unique = [...new Set(items)];
  const addable = columns.filter((c) => !unique.includes(c) && !exclude.includes(c));
  const full = max !== undefined && unique.length >= max;
  return (
    <fieldset className={styles.columnList} aria-invalid={error ? true : undefined}>
      <legend>{label}</legend>
      {unique.length === 0 ? (
        emptyText && <p className={styles.hint}>{emptyText}</p>
      ) : (
        <ol>
          {unique.map((name, i) => (
            <li key={name}>
              <span className={styles.columnName} title={name}>
                {name}
                {!columns.includes(name) && <span className={styles.missing}> (not in result)</span>}
              </span>
              <button
                type="button"
                className={styles.smallButton}
                aria-label={`Move ${name} up in ${label}`}
                title="Move up"
                disabled={i === 0}
                onClick={() => onChange(moveItem(unique, i, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                className={styles.smallButton}
                aria-label={`Move ${name} down in ${label}`}
                title="Move down"
                disabled={i === unique.length - 1}
                onClick={() => onChange(moveItem(unique, i, 1))}
              >
                ↓
              </button>
              <button
                type="button"
                className={styles.smallButton}
                aria-label={`Remove ${name} from ${label}`}
                title="Remove"
                disabled={unique.length <= minItems}
                onClick={() => onChange(unique.filter((n) => n !== name))}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      {!full && addable.length > 0 && (
        <select
          className={`input ${styles.control}`}
          aria-label={addLabel}
          value=""
          onChange={(e) => {
            if (e.target.value) onChange([...unique, e.target.value]);
          }}
        >
          <option value="">{addLabel}…</option>
          {addable.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      )}
      {full && <p className={styles.hint}>At most {max}.</p>}
      {error && <span className={styles.fieldError}>{error}</span>}
    </fieldset>
  );
}
