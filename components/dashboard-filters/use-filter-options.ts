"use client";
// The values of a drop-down filter, from GET /api/dashboards/[id]/filters/[name]/options (or a public
// link's /api/share/[token]/filters/[name]/options).
import { useEffect, useState } from "react";
import type { FilterOptions } from "@/lib/dashboard-filters/get-filter-options";

export type FilterOptionsState =
  | { status: "loading" }
  | { status: "ready"; values: string[]; truncated: boolean }
  | { status: "error"; message: string };

/** Loads once per filter definition (`version` changes with its query); `retry` loads again. */
export function useFilterOptions(url: string, version: string): FilterOptionsState & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const key = `${url}\u0000${version}\u0000${attempt}`;
  const [loaded, setLoaded] = useState<{ key: string; state: FilterOptionsState } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetch(url, { signal: controller.signal })
      .then(async (res) => {
        const body = (await res.json().catch(() => null)) as (FilterOptions & { error?: { message?: string } }) | null;
        if (!res.ok || !body || !Array.isArray(body.values)) {
          setLoaded({ key, state: { status: "error", message: body?.error?.message ?? "Could not load the values." } });
        } else {
          setLoaded({ key, state: { status: "ready", values: body.values, truncated: body.truncated } });
        }
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ key, state: { status: "error", message: e instanceof Error ? e.message : "Could not load the values." } });
      });
    return () => controller.abort();
  }, [url, key]);

  const state: FilterOptionsState = loaded?.key === key ? loaded.state : { status: "loading" };
  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
