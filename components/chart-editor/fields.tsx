"use client";
// The labelled inputs of the chart settings panel. Every control has a visible <label> (so getByLabel and
// screen readers find it) and, when its value is rejected, the reason right below it.
import { useId, useState, type ReactNode } from "react";
import { parseNumberInput } from "./update-config";
import styles from "./chart-editor.module.css";

interface FieldIds {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: (ids: FieldIds) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-describedby": describedBy, ...(error ? { "aria-invalid": true as const } : {}) })}
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className={styles.fieldError}>
          {error}
        </span>
      )}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  value,
  options,
  onChange,
  error,
  hint,
  disabled,
}: {
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(ids) => (
        <select {...ids} className={`input ${styles.control}`} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function TextField({
  label,
  value,
  onChange,
  error,
  placeholder,
  maxLength,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  placeholder?: string;
  maxLength?: number;
}) {
  return (
    <Field label={label} error={error}>
      {(ids) => (
        <input
          {...ids}
          className={`input ${styles.control}`}
          value={value}
          placeholder={placeholder}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * A number typed as text, so nothing typed is thrown away: "1." or "-" stay in the box while the analyst
 * is typing, and text that is not a number stays there (as a draft kept by the panel) with an error.
 */
export function NumberField({
  label,
  value,
  draft,
  onText,
  error,
  placeholder,
}: {
  label: string;
  value: number | undefined;
  /** Text that is not a number yet, kept by the panel across re-renders. */
  draft: string | undefined;
  onText: (text: string) => void;
  error?: string;
  placeholder?: string;
}) {
  const shown = draft ?? (value === undefined ? "" : String(value));
  const [text, setText] = useState(shown);
  const [synced, setSynced] = useState(shown);
  // When the value changes from elsewhere (reset, another rule removed), show it, unless the box already
  // says the same number in its own way ("1." for 1).
  if (shown !== synced) {
    setSynced(shown);
    if (draft !== undefined) setText(draft);
    else if (parseNumberInput(text) !== value) setText(shown);
  }
  return (
    <Field label={label} error={error}>
      {(ids) => (
        <input
          {...ids}
          className={`input ${styles.control}`}
          inputMode="decimal"
          value={text}
          placeholder={placeholder}
          onChange={(e) => {
            setText(e.target.value);
            onText(e.target.value);
          }}
        />
      )}
    </Field>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <label className={styles.check}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} disabled={disabled} />
      {label}
    </label>
  );
}
