"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { FavouriteKind, SetFavouriteBody } from "@/lib/favourites/schemas";
import styles from "./favourites.module.css";

export interface StarButtonProps {
  kind: FavouriteKind;
  id: string;
  /** Whether the signed-in user has starred it (lib/favourites/set-favourite.ts `isFavourite`). */
  initial: boolean;
  /** Names the button for assistive technology when several stars share a page: "Favourite Revenue". */
  title?: string;
  /** Re-render the server page after a change (the dashboard list sorts favourites first). */
  refreshOnChange?: boolean;
}

/** A star toggle: a pressed button while the dashboard or chart is among the user's favourites. */
export function StarButton({ kind, id, initial, title, refreshOnChange = false }: StarButtonProps) {
  const router = useRouter();
  const [on, setOn] = useState(initial);
  // Not `disabled` while saving: that would drop keyboard focus. Clicks during a save are ignored instead.
  const saving = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  async function toggle() {
    if (saving.current) return;
    saving.current = true;
    const next = !on;
    setOn(next);
    setError(null);
    try {
      const body: SetFavouriteBody = { kind, id, favourite: next };
      const res = await fetch("/api/favourites", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!res.ok) {
        const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(data?.error?.message ?? "Could not save the favourite.");
      }
      if (refreshOnChange) startTransition(() => router.refresh());
    } catch (e) {
      setOn(!next);
      setError(e instanceof Error ? e.message : "Could not save the favourite.");
    } finally {
      saving.current = false;
    }
  }

  const name = title ? `Favourite ${title}` : `Favourite this ${kind}`;
  return (
    <span className={styles.wrap}>
      <button
        type="button"
        className={`${styles.star} ${on ? styles.on : ""}`}
        aria-pressed={on}
        aria-label={name}
        title={on ? "Remove from favourites" : "Add to favourites"}
        onClick={() => void toggle()}
      >
        <span aria-hidden="true">{on ? "★" : "☆"}</span>
      </button>
      {error && (
        <span className={styles.error} role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
