"use client";

import { useState } from "react";
import { MAX_TAGS, normalizeTag, tagSchema } from "@/lib/dashboards/schemas";
import styles from "./dashboards.module.css";

/** Tags as chips: type and press Enter or comma to add (stored lower case), × or Backspace to remove. */
export function TagInput({ tags, onChange, id }: { tags: string[]; onChange: (tags: string[]) => void; id?: string }) {
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);

  function add(raw: string): boolean {
    if (!raw.trim()) return true;
    const parsed = tagSchema.safeParse(raw);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Not a valid tag.");
      return false;
    }
    if (!tags.includes(parsed.data)) {
      if (tags.length >= MAX_TAGS) {
        setError(`A dashboard has at most ${MAX_TAGS} tags.`);
        return false;
      }
      onChange([...tags, parsed.data]);
    }
    setError(null);
    setDraft("");
    return true;
  }

  return (
    <div>
      <div className={styles.tagBox}>
        {tags.length > 0 && (
          <ul className={styles.chips} aria-label="Tags">
            {tags.map((tag) => (
              <li key={tag} className={styles.chip}>
                {tag}
                <button type="button" className={styles.chipRemove} aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
                  <span aria-hidden>×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          className={`input ${styles.tagInput}`}
          aria-label="Add a tag"
          placeholder={tags.length ? "Add a tag" : "finance, weekly, …"}
          value={draft}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            const value = e.target.value;
            // A comma ends a tag, as in most tag fields; pasted lists become several tags.
            if (value.includes(",")) {
              const parts = value.split(",");
              const rest = parts.pop() ?? "";
              let next = [...tags];
              for (const part of parts) {
                const parsed = tagSchema.safeParse(part);
                if (part.trim() && !parsed.success) {
                  setError(parsed.error.issues[0]?.message ?? "Not a valid tag.");
                  setDraft(value.replace(/,/g, " ").trim());
                  return;
                }
                if (parsed.success && !next.includes(parsed.data) && next.length < MAX_TAGS) next = [...next, parsed.data];
              }
              if (next.length !== tags.length) onChange(next);
              setError(null);
              setDraft(rest.trimStart());
              return;
            }
            setDraft(value);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add(draft);
            } else if (e.key === "Backspace" && draft === "" && tags.length > 0) {
              onChange(tags.slice(0, -1));
            }
          }}
          onBlur={() => {
            if (draft.trim()) add(draft);
          }}
        />
      </div>
      {draft.trim() && normalizeTag(draft) !== draft.trim() && !error && <span className="muted">will be saved as “{normalizeTag(draft)}”</span>}
      {error && (
        <span className="alert" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
