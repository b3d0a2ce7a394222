"use client";
// "Save as chart" and "Edit title and description": a title and a Markdown definition of the metric,
// checked with the API's own schema before they are sent.
import { useId, useState } from "react";
import { chartTextSchema } from "@/lib/charts/schemas";
import styles from "./sql.module.css";

export function SaveChartForm({
  initialTitle = "",
  initialDescription = "",
  heading = "Save as chart",
  onSave,
  onCancel,
}: {
  initialTitle?: string;
  initialDescription?: string;
  /** The form's heading and accessible name. */
  heading?: string;
  /** Resolves when saved; rejects with a message to show. */
  onSave: (input: { title: string; description: string }) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const [title, setTitle] = useState(initialTitle);
  const [description, setDescription] = useState(initialDescription);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = chartTextSchema.safeParse({ title, description });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Title is required");
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave(parsed.data);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className={`card ${styles.panel}`} onSubmit={submit} aria-label={heading}>
      <h2>{heading}</h2>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          className="input"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={200}
          autoFocus
          placeholder="Weekly signups"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea
          id={`${id}-description`}
          className="input"
          rows={4}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          placeholder="How this metric is defined (Markdown): what counts, what is excluded, where the data comes from."
        />
      </div>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      <div className="row" style={{ marginTop: 12 }}>
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving && <span className="spinner" aria-hidden="true" />}
          Save
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
