"use client";

import { useState } from "react";
import { createSnippetSchema, type SnippetRecord } from "@/lib/snippets/schemas";
import styles from "./snippets.module.css";

type Draft = { id?: string; name: string; sql: string; description: string };
const empty: Draft = { name: "", sql: "", description: "" };

/** Periscope-style SQL snippets: named fragments used in queries as [name]. */
export function SnippetsManager({ initial, canEdit }: { initial: SnippetRecord[]; canEdit: boolean }) {
  const [snippets, setSnippets] = useState(initial);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!draft) return;
    // The same schema the server applies, so mistakes show before a round trip.
    const parsed = createSnippetSchema.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    setBusy(true);
    setError(null);
    const res = await fetch(draft.id ? `/api/snippets/${draft.id}` : "/api/snippets", {
      method: draft.id ? "PATCH" : "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(parsed.data),
    });
    const data = (await res.json().catch(() => null)) as (SnippetRecord & { error?: { message: string } }) | null;
    setBusy(false);
    if (!res.ok || !data || data.error) return setError(data?.error?.message ?? "Could not save the snippet.");
    setSnippets((list) => [...list.filter((s) => s.id !== data.id), data].sort((a, b) => a.name.localeCompare(b.name)));
    setDraft(null);
  }

  async function remove(snippet: SnippetRecord) {
    if (!window.confirm(`Delete the snippet [${snippet.name}]? Queries that use it will fail until it exists again.`)) return;
    const res = await fetch(`/api/snippets/${snippet.id}`, { method: "DELETE" });
    if (!res.ok) {
      const data = (await res.json().catch(() => null)) as { error?: { message: string } } | null;
      return setError(data?.error?.message ?? "Could not delete the snippet.");
    }
    setSnippets((list) => list.filter((s) => s.id !== snippet.id));
  }

  return (
    <>
      <div className={styles.head}>
        <div>
          <h1>SQL snippets</h1>
          <p className="muted">
            Reusable SQL fragments. Write <code>[name]</code> in a query and Spyglass puts the snippet&apos;s SQL there
            before the query runs.
          </p>
        </div>
        <span className="spacer" />
        {canEdit && !draft && (
          <button className="btn btn-primary" onClick={() => setDraft(empty)}>
            New snippet
          </button>
        )}
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {draft && (
        <form className={`card ${styles.form}`} onSubmit={save}>
          <div className="field">
            <label htmlFor="snippet-name">Name</label>
            <input id="snippet-name" className="input" value={draft.name} placeholder="active_users" onChange={(e) => setDraft({ ...draft, name: e.target.value })} autoFocus />
          </div>
          <div className="field">
            <label htmlFor="snippet-description">Description</label>
            <input id="snippet-description" className="input" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="snippet-sql">SQL</label>
            <textarea id="snippet-sql" className="input" rows={8} value={draft.sql} onChange={(e) => setDraft({ ...draft, sql: e.target.value })} />
          </div>
          <div className="row">
            <button className="btn btn-primary" type="submit" disabled={busy}>
              {busy ? "Saving…" : "Save snippet"}
            </button>
            <button className="btn" type="button" onClick={() => (setDraft(null), setError(null))}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {snippets.length === 0 ? (
        <div className="card empty">
          <p>No snippets yet.</p>
          <p>{canEdit ? "Create one for SQL your team repeats, such as the definition of an active user." : "Editors can create them."}</p>
        </div>
      ) : (
        <ul className={styles.list}>
          {snippets.map((s) => (
            <li key={s.id} className={`card ${styles.item}`}>
              <div className="row">
                <span className={styles.name}>[{s.name}]</span>
                <span className="muted">{s.description}</span>
                <span className="spacer" />
                {canEdit && (
                  <>
                    <button className="btn" onClick={() => setDraft({ id: s.id, name: s.name, sql: s.sql, description: s.description })}>
                      Edit
                    </button>
                    <button className="btn btn-danger" onClick={() => void remove(s)}>
                      Delete
                    </button>
                  </>
                )}
              </div>
              <pre className={styles.sql}>{s.sql}</pre>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
