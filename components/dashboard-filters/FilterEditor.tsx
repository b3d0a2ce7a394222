"use client";
// Editors add, change and remove a dashboard's filters. A filter is named after the chart parameter it sets,
// picked from the parameters the dashboard's charts use; saving sends every filter with the dashboard
// version the editor loaded, so a concurrent save is reported instead of overwritten.
import { useEffect, useState } from "react";
import type { DashboardParameter, FilterSetup } from "@/lib/dashboard-filters/get-filter-setup";
import { filterBindsTo } from "@/lib/dashboard-filters/bind";
import { DATE_RANGE_PRESETS, PRESET_LABELS } from "@/lib/dashboard-filters/presets";
import { FILTER_TYPE_LABELS, FILTER_TYPES, MAX_FILTERS, type DashboardFilter, type FilterType } from "@/lib/dashboard-filters/schema";
import type { ParameterType } from "@/lib/queries/parameters";
import { draftsToFilters, filterTypesFor, fromDraft, labelFromName, newDraft, toDraft, type FilterDraft } from "./filter-drafts";
import styles from "./filters.module.css";

export interface FilterEditorProps {
  dashboardId: string;
  /** After a save: the dashboard's new version and its filters (the page updates both). */
  onSaved?: (saved: { version: number; filters: DashboardFilter[] }) => void;
  onClose?: () => void;
}

const PARAMETER_TYPE_LABELS: Record<ParameterType, string> = {
  text: "text",
  number: "number",
  date: "date",
  date_range: "date range",
  list: "list",
};

let keyCounter = 0;
const nextKey = () => `filter-${++keyCounter}`;

type Loaded = { setup: FilterSetup; dataSources: { id: string; name: string }[] };
type Preview = { status: "running" } | { status: "done"; text: string } | { status: "error"; text: string };

async function readJson<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!res.ok || !body) throw new Error(body?.error?.message ?? `The server answered ${res.status}.`);
  return body;
}

export function FilterEditor({ dashboardId, onSaved, onClose }: FilterEditorProps) {
  const [reload, setReload] = useState(0);
  const [loaded, setLoaded] = useState<{ reload: number; data?: Loaded; error?: string } | null>(null);
  const [drafts, setDrafts] = useState<FilterDraft[]>([]);
  const [version, setVersion] = useState(0);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [previews, setPreviews] = useState<Record<string, Preview>>({});

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([
      fetch(`/api/dashboards/${encodeURIComponent(dashboardId)}/filters`, { signal: controller.signal }).then((r) => readJson<FilterSetup>(r)),
      fetch("/api/data-sources", { signal: controller.signal }).then((r) => readJson<{ dataSources: { id: string; name: string }[] }>(r)),
    ])
      .then(([setup, ds]) => {
        setLoaded({ reload, data: { setup, dataSources: ds.dataSources } });
        setDrafts(setup.filters.map((f) => toDraft(f, nextKey())));
        setVersion(setup.version);
        setConflict(null);
        setProblems([]);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setLoaded({ reload, error: e instanceof Error ? e.message : "Could not load the filters." });
      });
    return () => controller.abort();
  }, [dashboardId, reload]);

  const current = loaded?.reload === reload ? loaded : null;
  if (!current) {
    return (
      <div className={styles.editor} aria-busy="true">
        <span className="row muted">
          <span className="spinner" /> Loading filters…
        </span>
      </div>
    );
  }
  if (!current.data) {
    return (
      <div className={styles.editor}>
        <p className="alert" role="alert">
          {current.error}
        </p>
        <button type="button" className="btn" onClick={() => setReload((n) => n + 1)}>
          Try again
        </button>
      </div>
    );
  }

  const { setup, dataSources } = current.data;
  const parameters = setup.parameters;
  const paramByName = new Map(parameters.map((p) => [p.name, p]));

  const update = (key: string, change: Partial<FilterDraft>) => {
    setSaved(false);
    setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, ...change } : d)));
  };

  function pickParameter(draft: FilterDraft, name: string) {
    const param = paramByName.get(name);
    const allowed = filterTypesFor(param?.type);
    const type: FilterType = allowed.includes(draft.type) ? draft.type : (allowed[0] ?? draft.type);
    const autoLabel = draft.label.trim() === "" || draft.label === labelFromName(draft.name);
    update(draft.key, {
      name,
      type,
      label: autoLabel ? labelFromName(name) : draft.label,
      multiple: param?.type === "list" ? draft.multiple : false,
    });
  }

  function addFilter() {
    const unused = parameters.find((p) => !drafts.some((d) => d.name === p.name) && filterTypesFor(p.type).length > 0);
    setSaved(false);
    setDrafts((ds) => [...ds, newDraft(nextKey(), unused, dataSources[0]?.id ?? "")]);
  }

  async function preview(draft: FilterDraft) {
    setPreviews((p) => ({ ...p, [draft.key]: { status: "running" } }));
    try {
      const res = await fetch("/api/queries/run", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ dataSourceId: draft.dataSourceId, sql: draft.sql }),
      });
      const body = await readJson<{ rows: unknown[][] }>(res);
      const values = [...new Set(body.rows.map((r) => r[0]).filter((v) => v !== null && v !== "").map(String))];
      const sample = values.slice(0, 8).join(", ");
      const text = values.length === 0 ? "The query returns no values." : `${values.length} value${values.length === 1 ? "" : "s"}: ${sample}${values.length > 8 ? ", …" : ""}`;
      setPreviews((p) => ({ ...p, [draft.key]: { status: "done", text } }));
    } catch (e) {
      setPreviews((p) => ({ ...p, [draft.key]: { status: "error", text: e instanceof Error ? e.message : "The query failed." } }));
    }
  }

  async function save() {
    const checked = draftsToFilters(drafts);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    setConflict(null);
    setSaving(true);
    try {
      const res = await fetch(`/api/dashboards/${encodeURIComponent(dashboardId)}/filters`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version, filters: checked.filters }),
      });
      if (res.status === 409) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setConflict(body?.error?.message ?? "Someone else changed this dashboard since you opened it.");
        return;
      }
      const result = await readJson<{ version: number; filters: DashboardFilter[] }>(res);
      setVersion(result.version);
      setSaved(true);
      onSaved?.(result);
    } catch (e) {
      setProblems([e instanceof Error ? e.message : "Could not save the filters."]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className={styles.editor} aria-label="Edit filters">
      <h2>Filters</h2>
      {parameters.length === 0 && (
        <p className="notice">
          None of this dashboard&apos;s charts has a parameter yet. Write <code>{"{{name}}"}</code> in a chart&apos;s SQL (for a date range{" "}
          <code>{"{{name.start}}"}</code> and <code>{"{{name.end}}"}</code>), then add a filter named after it.
        </p>
      )}
      {drafts.length === 0 && parameters.length > 0 && <p className="muted">No filters yet.</p>}
      {drafts.map((draft, i) => (
        <DraftRow
          key={draft.key}
          index={i}
          draft={draft}
          parameters={parameters}
          param={paramByName.get(draft.name)}
          dataSources={dataSources}
          preview={previews[draft.key]}
          onChange={(change) => update(draft.key, change)}
          onPickParameter={(name) => pickParameter(draft, name)}
          onPreview={() => void preview(draft)}
          onRemove={() => {
            setSaved(false);
            setDrafts((ds) => ds.filter((d) => d.key !== draft.key));
          }}
        />
      ))}
      {problems.length > 0 && (
        <div className="alert" role="alert">
          {problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </div>
      )}
      {conflict && (
        <div className="alert row" role="alert">
          <span>{conflict}</span>
          <button type="button" className="btn" onClick={() => setReload((n) => n + 1)}>
            Reload
          </button>
        </div>
      )}
      <div className="row">
        <button type="button" className="btn" onClick={addFilter} disabled={drafts.length >= MAX_FILTERS}>
          Add filter
        </button>
        <span className="spacer" />
        <span className="muted" aria-live="polite">
          {saving ? "Saving…" : saved ? "Saved." : ""}
        </span>
        {onClose && (
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        )}
        <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={saving}>
          Save filters
        </button>
      </div>
    </section>
  );
}

function DraftRow({
  index,
  draft,
  parameters,
  param,
  dataSources,
  preview,
  onChange,
  onPickParameter,
  onPreview,
  onRemove,
}: {
  index: number;
  draft: FilterDraft;
  parameters: DashboardParameter[];
  param: DashboardParameter | undefined;
  dataSources: { id: string; name: string }[];
  preview: Preview | undefined;
  onChange: (change: Partial<FilterDraft>) => void;
  onPickParameter: (name: string) => void;
  onPreview: () => void;
  onRemove: () => void;
}) {
  const title = draft.label || draft.name || "new";
  const allowedTypes = param ? filterTypesFor(param.type) : [...FILTER_TYPES];
  const types = allowedTypes.includes(draft.type) ? allowedTypes : [...allowedTypes, draft.type];
  const canBeMultiple = !param || param.charts.some((c) => c.type === "list");
  // What the saved filter will do, chart by chart (the same rule the server applies).
  const asFilter = fromDraft(draft) as DashboardFilter;
  const binds = param?.charts.filter((c) => filterBindsTo(asFilter, { type: c.type })) ?? [];
  const ignores = param?.charts.filter((c) => !filterBindsTo(asFilter, { type: c.type })) ?? [];

  return (
    <fieldset className={styles.filterRow}>
      <legend>
        Filter {index + 1}: {title}
      </legend>
      <label className={styles.control}>
        <span className={styles.label}>Parameter</span>
        <select className="input" value={draft.name} onChange={(e) => onPickParameter(e.target.value)}>
          {draft.name === "" && <option value="">Pick a parameter…</option>}
          {parameters.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name} ({PARAMETER_TYPE_LABELS[p.type]}, {p.charts.length} chart{p.charts.length === 1 ? "" : "s"})
            </option>
          ))}
          {draft.name !== "" && !param && <option value={draft.name}>{draft.name} (not used by any chart)</option>}
        </select>
      </label>
      <label className={styles.control}>
        <span className={styles.label}>Label</span>
        <input className="input" value={draft.label} maxLength={100} onChange={(e) => onChange({ label: e.target.value })} />
      </label>
      <label className={styles.control}>
        <span className={styles.label}>Type</span>
        <select className="input" value={draft.type} onChange={(e) => onChange({ type: e.target.value as FilterType })}>
          {types.map((t) => (
            <option key={t} value={t}>
              {FILTER_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      {draft.type === "select" && (
        <label className={`${styles.control} row`} style={{ flexDirection: "row", alignSelf: "end" }}>
          <input type="checkbox" checked={draft.multiple} disabled={!canBeMultiple && !draft.multiple} onChange={(e) => onChange({ multiple: e.target.checked })} />
          Several values
        </label>
      )}
      <DefaultField draft={draft} onChange={onChange} />
      {draft.type === "select" && (
        <>
          <label className={styles.control}>
            <span className={styles.label}>Data source</span>
            <select className="input" value={draft.dataSourceId} onChange={(e) => onChange({ dataSourceId: e.target.value })}>
              {draft.dataSourceId === "" && <option value="">Pick a data source…</option>}
              {dataSources.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
              {draft.dataSourceId !== "" && !dataSources.some((d) => d.id === draft.dataSourceId) && <option value={draft.dataSourceId}>(deleted data source)</option>}
            </select>
          </label>
          <label className={`${styles.control} ${styles.wide}`}>
            <span className={styles.label}>Values query (first column, distinct, first 1,000)</span>
            <textarea
              className={`input ${styles.sql}`}
              value={draft.sql}
              spellCheck={false}
              placeholder="select distinct country from users order by 1"
              onChange={(e) => onChange({ sql: e.target.value })}
            />
          </label>
          <div className={`${styles.wide} row`}>
            <button type="button" className="btn" onClick={onPreview} disabled={!draft.dataSourceId || !draft.sql.trim() || preview?.status === "running"}>
              Preview values
            </button>
            {preview?.status === "running" && <span className="spinner" aria-label="Running the values query" />}
            {preview?.status === "done" && <span className={styles.preview}>{preview.text}</span>}
            {preview?.status === "error" && (
              <span className={styles.error} role="alert">
                {preview.text}
              </span>
            )}
          </div>
        </>
      )}
      <div className={`${styles.wide} row`}>
        <span className={styles.hint}>
          {binds.length > 0 && `Sets ${draft.name} on: ${binds.map((c) => c.title).join(", ")}.`}
          {ignores.length > 0 && ` Ignored by ${ignores.map((c) => `${c.title} (${PARAMETER_TYPE_LABELS[c.type]})`).join(", ")}.`}
          {draft.name && !param && "No chart on this dashboard uses this parameter."}
        </span>
        <span className="spacer" />
        <button type="button" className="btn btn-danger" onClick={onRemove} aria-label={`Remove filter ${title}`}>
          Remove
        </button>
      </div>
    </fieldset>
  );
}

function DefaultField({ draft, onChange }: { draft: FilterDraft; onChange: (change: Partial<FilterDraft>) => void }) {
  if (draft.type === "date_range") {
    return (
      <div className={styles.control}>
        <label className={styles.control}>
          <span className={styles.label}>Default</span>
          <select className="input" value={draft.rangeChoice} onChange={(e) => onChange({ rangeChoice: e.target.value as FilterDraft["rangeChoice"] })}>
            <option value="">None (each chart&apos;s own default)</option>
            {DATE_RANGE_PRESETS.map((p) => (
              <option key={p} value={p}>
                {PRESET_LABELS[p]}
              </option>
            ))}
            <option value="custom">{PRESET_LABELS.custom}</option>
          </select>
        </label>
        {draft.rangeChoice === "custom" && (
          <span className={styles.inline}>
            <input type="date" className="input" aria-label="Default from" value={draft.rangeStart} onChange={(e) => onChange({ rangeStart: e.target.value })} />
            <span className="muted">–</span>
            <input type="date" className="input" aria-label="Default to" value={draft.rangeEnd} onChange={(e) => onChange({ rangeEnd: e.target.value })} />
          </span>
        )}
      </div>
    );
  }
  if (draft.type === "select" && draft.multiple) {
    return (
      <label className={styles.control}>
        <span className={styles.label}>Default (one value per line)</span>
        <textarea className="input" rows={3} value={draft.defaultText} onChange={(e) => onChange({ defaultText: e.target.value })} />
      </label>
    );
  }
  return (
    <label className={styles.control}>
      <span className={styles.label}>Default</span>
      <input
        className="input"
        value={draft.defaultText}
        maxLength={500}
        placeholder="None (each chart's own default)"
        onChange={(e) => onChange({ defaultText: e.target.value })}
      />
    </label>
  );
}
