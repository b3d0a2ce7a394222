"use client";
// After a chart is saved: put it on an existing dashboard or on a new one.
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { addTileRequest, createDashboardRequest, listDashboardsRequest } from "./api";
import styles from "./sql.module.css";

const NEW = "__new__";

export function AddToDashboard({ chartId, chartTitle }: { chartId: string; chartTitle: string }) {
  const id = useId();
  const [dashboards, setDashboards] = useState<{ id: string; title: string }[] | null>(null);
  const [choice, setChoice] = useState<string>(NEW);
  const [newTitle, setNewTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<{ id: string; title: string } | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    listDashboardsRequest()
      .then(({ dashboards }) => {
        if (!cancelled) setDashboards(dashboards);
      })
      .catch((e: unknown) => {
        if (!cancelled) {
          setDashboards([]);
          setError(e instanceof Error ? e.message : String(e));
        }
      });
    return () => {
      cancelled = true;
    };
  }, [open]);

  async function add(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    if (choice === NEW && newTitle.trim() === "") {
      setError("Give the new dashboard a title.");
      return;
    }
    setBusy(true);
    try {
      let dashboard: { id: string; title: string };
      if (choice === NEW) {
        const { id: dashboardId } = await createDashboardRequest(newTitle.trim());
        dashboard = { id: dashboardId, title: newTitle.trim() };
        setDashboards((list) => [...(list ?? []), dashboard]);
        setChoice(dashboardId);
        setNewTitle("");
      } else {
        dashboard = dashboards?.find((d) => d.id === choice) ?? { id: choice, title: "the dashboard" };
      }
      await addTileRequest(dashboard.id, chartId);
      setAdded(dashboard);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={`card ${styles.panel}`}>
      <div className="row">
        <p className={styles.saved}>
          Saved <strong>{chartTitle}</strong>.
        </p>
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => setOpen(!open)} aria-expanded={open}>
          Add to dashboard
        </button>
      </div>
      {open && (
        <form onSubmit={add} aria-label="Add to dashboard" className={styles.addForm}>
          <div className={styles.addRow}>
            <div className="field">
              <label htmlFor={`${id}-dashboard`}>Dashboard</label>
              <select
                id={`${id}-dashboard`}
                className="input"
                value={choice}
                onChange={(e) => setChoice(e.target.value)}
                disabled={dashboards === null}
              >
                <option value={NEW}>New dashboard…</option>
                {(dashboards ?? []).map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
            </div>
            {choice === NEW && (
              <div className="field">
                <label htmlFor={`${id}-new-title`}>New dashboard title</label>
                <input
                  id={`${id}-new-title`}
                  className="input"
                  value={newTitle}
                  onChange={(e) => setNewTitle(e.target.value)}
                  maxLength={200}
                  placeholder="Growth weekly"
                  autoFocus
                />
              </div>
            )}
            <div className="field">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {busy && <span className="spinner" aria-hidden="true" />}
                Add to dashboard
              </button>
            </div>
          </div>
          {error && (
            <div className="alert" role="alert">
              {error}
            </div>
          )}
        </form>
      )}
      {added && (
        <p className={styles.added} role="status">
          Added to “{added.title}”. <Link href={`/dashboards/${added.id}`}>Open dashboard</Link>
        </p>
      )}
    </div>
  );
}
