"use client";
// The filters above a dashboard: a date range with presets, drop-downs whose values come from a query, and
// free text. Each control is labelled with its filter's label. The bar only reports values; the page keeps
// them (useFilterUrlState puts them in the URL) and fetches the results for them.
import { useId, useState, type ReactNode } from "react";
import {
  DATE_RANGE_PRESETS,
  PRESET_LABELS,
  describeDays,
  displayedDays,
  isDateRangePreset,
  isIsoDay,
  utcDay,
  type DateRangeValue,
} from "@/lib/dashboard-filters/presets";
import {
  effectiveFilterValue,
  isEmptyFilterValue,
  type FilterControlDef,
  type FilterValue,
  type FilterValues,
} from "@/lib/dashboard-filters/schema";
import styles from "./filters.module.css";
import { useFilterOptions } from "./use-filter-options";

type DateRangeFilter = Extract<FilterControlDef, { type: "date_range" }>;
type SelectFilter = Extract<FilterControlDef, { type: "select" }>;
type TextFilter = Extract<FilterControlDef, { type: "text" }>;

/** Where a dashboard's drop-down values come from, for a signed-in user. */
export function dashboardOptionsUrl(dashboardId: string): (name: string) => string {
  return (name) => `/api/dashboards/${encodeURIComponent(dashboardId)}/filters/${encodeURIComponent(name)}/options`;
}

export interface FilterBarProps {
  /** The URL of a drop-down filter's values (dashboardOptionsUrl, or a public link's own route). */
  optionsUrl: (name: string) => string;
  filters: readonly FilterControlDef[];
  /** Values set explicitly (the URL's); a filter left out shows and applies its default. */
  values: FilterValues;
  /** Called with every explicit value (the changed one included) when the user changes a filter. */
  onChange: (values: FilterValues) => void;
  /** The UTC day presets resolve against (DashboardView.filterToday); default today in UTC. */
  today?: string;
  /** Results for the current values are loading. */
  busy?: boolean;
}

/** The dashboard's filters as a row of labelled controls; renders nothing when there are none. */
export function FilterBar({ optionsUrl, filters, values, onChange, today, busy = false }: FilterBarProps) {
  const [fallbackToday] = useState(() => utcDay(Date.now()));
  if (filters.length === 0) return null;
  const day = today && isIsoDay(today) ? today : fallbackToday;
  const set = (name: string, value: FilterValue) => onChange({ ...values, [name]: value });
  const anySet = filters.some((f) => Object.prototype.hasOwnProperty.call(values, f.name));

  return (
    <div className={styles.bar} role="group" aria-label="Filters" aria-busy={busy}>
      {filters.map((f) => {
        const value = effectiveFilterValue(f, values);
        switch (f.type) {
          case "date_range":
            return <DateRangeControl key={f.name} filter={f} value={value as DateRangeValue | null} today={day} onChange={(v) => set(f.name, v)} />;
          case "select":
            return <SelectControl key={f.name} url={optionsUrl(f.name)} filter={f} value={value as string | string[] | null} onChange={(v) => set(f.name, v)} />;
          case "text":
            return <TextControl key={`${f.name}\u0000${String(value ?? "")}`} filter={f} value={(value as string | null) ?? ""} onChange={(v) => set(f.name, v)} />;
        }
      })}
      {anySet && (
        <button type="button" className="btn" onClick={() => onChange({})} title="Back to each filter's default">
          Reset filters
        </button>
      )}
      {busy && (
        <span className={`${styles.hint} row`} aria-live="polite">
          <span className="spinner" /> Updating…
        </span>
      )}
    </div>
  );
}

const CUSTOM = "custom";
const NONE = "";

function DateRangeControl({
  filter,
  value,
  today,
  onChange,
}: {
  filter: DateRangeFilter;
  value: DateRangeValue | null;
  today: string;
  onChange: (value: DateRangeValue | null) => void;
}) {
  const id = useId();
  const choice = value === null ? NONE : isDateRangePreset(value) ? value : CUSTOM;
  const custom = value !== null && !isDateRangePreset(value) ? value : null;
  const shown = value !== null ? displayedDays(value, today) : null;

  function pick(next: string) {
    if (next === NONE) onChange(null);
    else if (next === CUSTOM) onChange(shown ? { start: shown.first, end: shown.last } : { start: displayedDays("last_30_days", today).first, end: today });
    else if (isDateRangePreset(next)) onChange(next);
  }

  function setDay(which: "start" | "end", day: string) {
    if (!custom || !isIsoDay(day)) return;
    const next = { ...custom, [which]: day };
    // Moving one end past the other moves both, so the range stays valid.
    if (next.start > next.end) {
      if (which === "start") next.end = day;
      else next.start = day;
    }
    onChange(next);
  }

  return (
    <div className={styles.control}>
      <label className={styles.label} htmlFor={id}>
        {filter.label}
      </label>
      <div className={styles.inline}>
        <select id={id} className="input" value={choice} onChange={(e) => pick(e.target.value)}>
          <option value={NONE}>Chart defaults</option>
          {DATE_RANGE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
          <option value={CUSTOM}>{PRESET_LABELS.custom}…</option>
        </select>
        {custom && (
          <>
            <input
              type="date"
              className="input"
              aria-label={`${filter.label} from`}
              value={custom.start}
              onChange={(e) => setDay("start", e.target.value)}
            />
            <span className="muted">–</span>
            <input type="date" className="input" aria-label={`${filter.label} to`} value={custom.end} onChange={(e) => setDay("end", e.target.value)} />
          </>
        )}
      </div>
      {shown && !custom && <span className={styles.hint}>{describeDays(shown.first, shown.last)}</span>}
    </div>
  );
}

function SelectControl({
  url,
  filter,
  value,
  onChange,
}: {
  url: string;
  filter: SelectFilter;
  value: string | string[] | null;
  onChange: (value: string | string[] | null) => void;
}) {
  // The values query is only known to editors' pages; a change to it loads the values again.
  const options = useFilterOptions(url, filter.options ? `${filter.options.dataSourceId}\u0000${filter.options.sql}` : "");
  const picked = value === null ? [] : Array.isArray(value) ? value : [value];
  // Values from the URL stay listed even when the query no longer returns them.
  const listed = options.status === "ready" ? [...options.values, ...picked.filter((v) => !options.values.includes(v))] : picked;
  const status = (
    <>
      {options.status === "error" && (
        <span className={styles.error} role="alert">
          {options.message}
          <button type="button" className={styles.linkButton} onClick={options.retry}>
            Retry
          </button>
        </span>
      )}
      {options.status === "ready" && options.truncated && <span className={styles.hint}>First {options.values.length.toLocaleString("en-US")} values</span>}
    </>
  );

  if (filter.multiple) return <MultiSelect filter={filter} listed={listed} picked={picked} loading={options.status === "loading"} status={status} onChange={onChange} />;
  return <SingleSelect filter={filter} listed={listed} picked={picked[0] ?? ""} loading={options.status === "loading"} status={status} onChange={onChange} />;
}

function SingleSelect({
  filter,
  listed,
  picked,
  loading,
  status,
  onChange,
}: {
  filter: SelectFilter;
  listed: string[];
  picked: string;
  loading: boolean;
  status: ReactNode;
  onChange: (value: string | null) => void;
}) {
  const id = useId();
  return (
    <div className={styles.control}>
      <label className={styles.label} htmlFor={id}>
        {filter.label}
      </label>
      <select id={id} className="input" value={picked} aria-busy={loading} onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}>
        <option value="">All</option>
        {listed.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
        {loading && (
          <option disabled value="__loading__">
            Loading…
          </option>
        )}
      </select>
      {status}
    </div>
  );
}

function MultiSelect({
  filter,
  listed,
  picked,
  loading,
  status,
  onChange,
}: {
  filter: SelectFilter;
  listed: string[];
  picked: string[];
  loading: boolean;
  status: ReactNode;
  onChange: (value: string[] | null) => void;
}) {
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  const shown = needle ? listed.filter((v) => v.toLowerCase().includes(needle)) : listed;
  const summary = picked.length === 0 ? "All" : picked.length <= 2 ? picked.join(", ") : `${picked.length} selected`;
  const toggle = (v: string, on: boolean) => {
    const next = on ? [...picked, v] : picked.filter((p) => p !== v);
    onChange(next.length ? next : null);
  };

  return (
    <div className={styles.control}>
      <span className={styles.label} aria-hidden="true">
        {filter.label}
      </span>
      <details className={styles.multi}>
        <summary aria-label={`${filter.label}: ${summary}`}>{summary}</summary>
        <div className={styles.popup}>
          <fieldset aria-busy={loading}>
            <legend>{filter.label}</legend>
            {listed.length > 8 && (
              <input
                type="search"
                className="input"
                style={{ width: "100%", marginBottom: 6 }}
                aria-label={`Search ${filter.label}`}
                placeholder="Search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
            )}
            {loading && <span className={styles.hint}>Loading…</span>}
            {shown.map((v) => (
              <label key={v} className={styles.option}>
                <input type="checkbox" checked={picked.includes(v)} onChange={(e) => toggle(v, e.target.checked)} />
                {v}
              </label>
            ))}
            {!loading && listed.length === 0 && <span className={styles.hint}>No values.</span>}
            {picked.length > 0 && (
              <button type="button" className={styles.linkButton} onClick={() => onChange(null)}>
                Clear
              </button>
            )}
          </fieldset>
        </div>
      </details>
      {status}
    </div>
  );
}

function TextControl({ filter, value, onChange }: { filter: TextFilter; value: string; onChange: (value: string | null) => void }) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const apply = () => {
    if (draft !== value) onChange(isEmptyFilterValue(draft) ? null : draft);
  };
  return (
    <div className={styles.control}>
      <label className={styles.label} htmlFor={id}>
        {filter.label}
      </label>
      <input
        id={id}
        type="search"
        className={`input ${styles.textInput}`}
        value={draft}
        maxLength={500}
        placeholder="Press Enter to apply"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply();
          } else if (e.key === "Escape") {
            setDraft(value);
          }
        }}
      />
    </div>
  );
}
