"use client";

import { useId, useState } from "react";
import { updateDashboardSchema } from "@/lib/dashboards/schemas";
import styles from "./dashboards.module.css";
import { TagInput } from "./TagInput";

export interface DashboardSettings {
  title: string;
  description: string;
  tags: string[];
  isPrivate: boolean;
}

export interface SavedSettings extends DashboardSettings {
  version: number;
  refreshIntervalMinutes: number;
}

/** Title, description, tags and (for the owner and admins) privacy, saved together with a version check. */
export function DashboardSettingsForm({
  dashboardId,
  version,
  initial,
  canSetPrivate,
  onSaved,
  onConflict,
  onCancel,
}: {
  dashboardId: string;
  version: number;
  initial: DashboardSettings;
  canSetPrivate: boolean;
  onSaved: (saved: SavedSettings) => void;
  onConflict: () => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [tags, setTags] = useState(initial.tags);
  const [isPrivate, setIsPrivate] = useState(initial.isPrivate);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const body = { version, title, description, tags, ...(canSetPrivate ? { isPrivate } : {}) };
    const parsed = updateDashboardSchema.safeParse(body);
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => i.message).join(" "));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const res = await fetch(`/api/dashboards/${dashboardId}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(parsed.data),
      });
      const data = (await res.json().catch(() => null)) as (SavedSettings & { error?: { code?: string; message?: string } }) | null;
      if (res.status === 409) return onConflict();
      if (!res.ok || !data || data.error) {
        setError(data?.error?.message ?? "Could not save the settings.");
        return;
      }
      onSaved(data);
    } catch {
      setError("Could not reach the server; your settings are still here. Try again.");
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className={`card ${styles.settings}`} onSubmit={save} aria-label="Dashboard settings">
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} className="input" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea
          id={`${id}-description`}
          className="input"
          rows={3}
          value={description}
          maxLength={10_000}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tags`}>Tags</label>
        <TagInput id={`${id}-tags`} tags={tags} onChange={setTags} />
      </div>
      {canSetPrivate && (
        <div className="field">
          <label className="row">
            <input type="checkbox" checked={isPrivate} onChange={(e) => setIsPrivate(e.target.checked)} />
            Private
          </label>
          <span className="muted">Only the owner and admins can find and open a private dashboard.</span>
        </div>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={saving} aria-busy={saving}>
          Save settings
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
