"use client";
// One input per `{{parameter}}` in the tab's SQL, each with its type.
import type { ParameterType } from "@/lib/queries/parameters";
import type { ParameterInput } from "./tabs";
import { guessParameterType } from "./tabs";
import styles from "./sql.module.css";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether an input of `type` can show `text` (date and number inputs show nothing for other text). */
function fitsType(type: ParameterType, text: string): boolean {
  if (text.trim() === "") return true;
  if (type === "date" || type === "date_range") return ISO_DATE.test(text);
  if (type === "number") return Number.isFinite(Number(text));
  return true;
}

const TYPES: { value: ParameterType; label: string }[] = [
  { value: "text", label: "Text" },
  { value: "number", label: "Number" },
  { value: "date", label: "Date" },
  { value: "date_range", label: "Date range" },
  { value: "list", label: "List of values" },
];

export function ParametersBar({
  names,
  types,
  inputs,
  onTypeChange,
  onInputChange,
  onSubmit,
}: {
  names: string[];
  types: Record<string, ParameterType>;
  inputs: Record<string, ParameterInput>;
  onTypeChange: (name: string, type: ParameterType) => void;
  onInputChange: (name: string, input: ParameterInput) => void;
  /** Enter in an input runs the query. */
  onSubmit: () => void;
}) {
  if (names.length === 0) return null;
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Enter") {
      e.preventDefault();
      onSubmit();
    }
  };
  return (
    <div className={styles.paramsBar} role="group" aria-label="Parameters">
      {names.map((name) => {
        const type = types[name] ?? guessParameterType(name);
        const input = inputs[name];
        const text = typeof input === "string" ? input : "";
        const range = typeof input === "object" ? input : { start: "", end: "" };
        return (
          <div key={name} className={styles.param}>
            <span className={styles.paramName}>{name}</span>
            {type === "date_range" ? (
              <>
                <input
                  type="date"
                  className="input"
                  aria-label={`Parameter ${name} start`}
                  value={range.start}
                  onChange={(e) => onInputChange(name, { ...range, start: e.target.value })}
                  onKeyDown={onKeyDown}
                />
                <span className="muted">–</span>
                <input
                  type="date"
                  className="input"
                  aria-label={`Parameter ${name} end`}
                  value={range.end}
                  onChange={(e) => onInputChange(name, { ...range, end: e.target.value })}
                  onKeyDown={onKeyDown}
                />
              </>
            ) : (
              <input
                type={type === "date" ? "date" : type === "number" ? "number" : "text"}
                className={`input ${styles.paramInput}`}
                aria-label={`Parameter ${name}`}
                placeholder={type === "list" ? "a, b, c" : type === "text" ? "value" : undefined}
                value={text}
                onChange={(e) => onInputChange(name, e.target.value)}
                onKeyDown={onKeyDown}
              />
            )}
            <select
              className={`input ${styles.paramType}`}
              aria-label={`Type of parameter ${name}`}
              value={type}
              onChange={(e) => {
                const next = e.target.value as ParameterType;
                onTypeChange(name, next);
                // Keep what was typed where it still makes sense. A date or number input cannot show text that is
                // not one: kept, it was sent while the input looked empty ("must be a date" for an empty field).
                const carried = typeof input === "object" ? input.start : text;
                const fits = fitsType(next, carried);
                const kept = fits ? carried : "";
                if (next === "date_range") {
                  if (typeof input !== "object" || !fits) onInputChange(name, { start: kept, end: typeof input === "object" ? input.end : "" });
                } else if (typeof input === "object" || kept !== text) {
                  onInputChange(name, kept);
                }
              }}
            >
              {TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
}
